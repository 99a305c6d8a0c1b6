using System.Collections.Concurrent;
using Crisis.Web.Incidents;
using Microsoft.AspNetCore.SignalR.Client;

namespace Crisis.Web.Tests.Infrastructure;

/// <summary>Records what a hub connection receives, and lets a test wait for it without fixed sleeps.</summary>
public sealed class HubRecorder : IAsyncDisposable
{
    public HubConnection Connection { get; }
    private readonly ConcurrentQueue<LogEntryDto> _entries = new();
    private readonly ConcurrentQueue<IncidentDto> _incidents = new();
    private readonly SemaphoreSlim _signal = new(0);

    public HubRecorder(HubConnection connection)
    {
        Connection = connection;
        connection.On<LogEntryDto>("LogEntryAdded", e =>
        {
            _entries.Enqueue(e);
            _signal.Release();
        });
        connection.On<IncidentDto>("IncidentChanged", i =>
        {
            _incidents.Enqueue(i);
            _signal.Release();
        });
    }

    public IReadOnlyList<LogEntryDto> Entries => _entries.ToList();
    public IReadOnlyList<IncidentDto> Incidents => _incidents.ToList();

    public async Task<IReadOnlyList<LogEntryDto>> JoinAsync(Guid incidentId, int afterSeq) =>
        await Connection.InvokeAsync<IReadOnlyList<LogEntryDto>>("JoinIncident", incidentId, afterSeq);

    /// <summary>Waits until the condition holds over what was received; fails with what did arrive.</summary>
    public async Task WaitUntilAsync(Func<HubRecorder, bool> condition, string what, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(this))
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Waited {seconds}s for {what}; received seqs [{string.Join(",", Entries.Select(e => e.Seq))}].");
            }
            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(250) ? left : TimeSpan.FromMilliseconds(250));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _signal.Dispose();
    }
}
