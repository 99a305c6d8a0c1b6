using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>
/// A mail server on a loopback port (the SmtpServer package) that keeps what it receives, for the alert e-mail. It
/// accepts the login <see cref="User"/>/<see cref="Password"/> only, so the test sees the URL's credentials decoded.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    public const string User = "alarm@crisis";
    public const string Password = "p@ss:word";

    private readonly CancellationTokenSource _stop = new();
    private readonly Inbox _inbox = new();
    private Task _running = Task.CompletedTask;

    public int Port { get; private set; }

    /// <summary>The URL for <c>Crisis:Mail:Smtp</c>, with the credentials URL-encoded.</summary>
    public string Url => $"smtp://{Uri.EscapeDataString(User)}:{Uri.EscapeDataString(Password)}@127.0.0.1:{Port}";

    public IReadOnlyCollection<Received> Messages => _inbox.All;

    public static async Task<LoopbackSmtp> StartAsync()
    {
        var smtp = new LoopbackSmtp();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, 0)).AllowUnsecureAuthentication(true).AuthenticationRequired(false))
            .Build();
        var listeners = new EndpointListenerFactory();
        var started = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        listeners.EndpointStarted += (_, e) => started.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(smtp._inbox);
        services.Add(new DelegatingUserAuthenticator((user, password) => user == User && password == Password));
        smtp._running = new SmtpServer.SmtpServer(options, services).StartAsync(smtp._stop.Token);
        smtp.Port = await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return smtp;
    }

    /// <summary>The first message (already received or still to come) that <paramref name="match"/>es.</summary>
    public Task<Received> WaitForAsync(Func<Received, bool> match) => _inbox.WaitForAsync(match).WaitAsync(TimeSpan.FromSeconds(30));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    public sealed record Received(IReadOnlyList<string> To, MimeMessage Message)
    {
        public string Subject => Message.Subject ?? "";
        public string Body => Message.TextBody ?? "";
    }

    private sealed class Inbox : MessageStore
    {
        private readonly ConcurrentQueue<Received> _all = new();
        private readonly List<(Func<Received, bool> Match, TaskCompletionSource<Received> Done)> _waiting = [];

        public IReadOnlyCollection<Received> All => _all;

        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var received = new Received(transaction.To.Select(t => $"{t.User}@{t.Host}").ToList(), await MimeMessage.LoadAsync(stream, cancellationToken));
            lock (_waiting)
            {
                _all.Enqueue(received);
                foreach (var w in _waiting.Where(w => w.Match(received)).ToList())
                {
                    w.Done.TrySetResult(received);
                    _waiting.Remove(w);
                }
            }
            return SmtpResponse.Ok;
        }

        public Task<Received> WaitForAsync(Func<Received, bool> match)
        {
            lock (_waiting)
            {
                if (_all.FirstOrDefault(match) is { } already)
                {
                    return Task.FromResult(already);
                }
                var done = new TaskCompletionSource<Received>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Add((match, done));
                return done.Task;
            }
        }
    }
}
