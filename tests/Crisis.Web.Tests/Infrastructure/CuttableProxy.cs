using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Crisis.Web.Tests.Infrastructure;

/// <summary>
/// A TCP proxy on loopback between a browser and a host, which a test can cut (every open connection is
/// dropped and new ones are refused) and restore: a network outage on demand.
/// </summary>
public sealed class CuttableProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Uri _target;
    private readonly ConcurrentDictionary<TcpClient, byte> _open = new();
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _cut;
    private readonly Task _accepting;

    public CuttableProxy(Uri target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>Drops every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        _cut = true;
        foreach (var client in _open.Keys)
        {
            Reset(client);
        }
    }

    public void Restore() => _cut = false;

    private volatile TaskCompletionSource _thawed = Completed();

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }

    /// <summary>
    /// Stops forwarding bytes either way while keeping every connection open and accepting new ones: a server that hangs
    /// (as a SIGSTOPped PostgreSQL does), until <see cref="Thaw"/>.
    /// </summary>
    public void Freeze() => _thawed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Thaw() => _thawed.TrySetResult();

    private async Task CopyAsync(Stream from, Stream to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, ct);
            if (read == 0)
            {
                return;
            }
            await _thawed.Task.WaitAsync(ct);
            await to.WriteAsync(buffer.AsMemory(0, read), ct);
        }
    }

    /// <summary>Closes with a reset, as a broken network gives; the pipe may have closed it already.</summary>
    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { } socket)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
        }
        catch (ObjectDisposedException)
        {
            // Closed meanwhile by its pipe.
        }
        client.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient browser;
            try
            {
                browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            if (_cut)
            {
                Reset(browser);
                continue;
            }
            _ = PipeAsync(browser);
        }
    }

    private async Task PipeAsync(TcpClient browser)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_target.Host, _target.Port, _stop.Token);
            _open[browser] = 0;
            _open[server] = 0;
            var a = CopyAsync(browser.GetStream(), server.GetStream(), _stop.Token);
            var b = CopyAsync(server.GetStream(), browser.GetStream(), _stop.Token);
            await Task.WhenAny(a, b);
        }
        catch (Exception)
        {
            // A cut, or either side going away: the other side is closed below.
        }
        finally
        {
            _open.TryRemove(browser, out _);
            _open.TryRemove(server, out _);
            browser.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        await _accepting;
        _stop.Dispose();
    }
}
