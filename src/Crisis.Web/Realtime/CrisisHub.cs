using System.Collections.Concurrent;
using Crisis.Domain;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Realtime;

/// <summary>What the server sends to hub clients.</summary>
public interface ICrisisClient
{
    Task LogEntryAdded(LogEntryDto entry);
    Task IncidentChanged(IncidentDto incident);
    Task AlertRaised(object alert);
    Task AlertChanged(object alert);
    Task RosterChanged(object change);
}

/// <summary>
/// The real-time hub at <c>/hubs/crisis</c>. Clients never broadcast: they join an incident (after the same
/// authorisation check as the API) and the server pushes what the bus tells it.
/// </summary>
[Authorize]
public sealed class CrisisHub(IncidentService incidents, LiveLogRelay relay, Phrasebook phrases) : Hub<ICrisisClient>
{
    public const string Path = "/hubs/crisis";

    public static string GroupOf(Guid incidentId) => $"incident:{incidentId:N}";

    /// <summary>Every connection of one user: for messages meant for that person (a swap request, an alert).</summary>
    public static string UserGroup(Guid userId) => $"user:{userId:N}";

    /// <summary>Every connection of a coordinator: for roster gaps and other region-wide warnings.</summary>
    public const string CoordinatorsGroup = "coordinators";

    // The relay's leases of the incidents this connection joined, released when it leaves them or disconnects.
    private static readonly object WatchesKey = new();

    public override async Task OnConnectedAsync()
    {
        Context.Items[WatchesKey] = new ConcurrentDictionary<Guid, IDisposable>();
        var actor = CurrentActor();
        await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(actor.UserId));
        if (actor.IsCoordinator)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CoordinatorsGroup);
        }
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Joins the incident's live log. Returns the entries after <paramref name="afterSeq"/> in order, at most
    /// <see cref="IncidentService.MaxPage"/> of them: a full page means more follow, read with <see cref="ReadLog"/>
    /// after its last seq. Every later entry arrives as <c>LogEntryAdded</c>. The connection joins the group before
    /// the database is read, so an entry written in between may arrive both ways: clients drop entries whose seq they
    /// already have.
    /// </summary>
    public async Task<IReadOnlyList<LogEntryDto>> JoinIncident(Guid incidentId, int afterSeq)
    {
        var actor = CurrentActor();
        return await Guard(async () =>
        {
            var (incident, _) = await incidents.GetAsync(actor, incidentId, Context.ConnectionAborted);
            Watch(incidentId, incident.LastSeq);
            await Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(incidentId), Context.ConnectionAborted);
            var missed = await incidents.ReadLogAsync(actor, incidentId, afterSeq, IncidentService.MaxPage, Context.ConnectionAborted);
            return (IReadOnlyList<LogEntryDto>)missed.Select(LogEntryDto.From).ToList();
        });
    }

    /// <summary>
    /// A page of the log after <paramref name="afterSeq"/>: at most <paramref name="limit"/> entries (and at most
    /// <see cref="IncidentService.MaxPage"/>) in seq order, for a client catching up after a full <see cref="JoinIncident"/>.
    /// </summary>
    public async Task<IReadOnlyList<LogEntryDto>> ReadLog(Guid incidentId, int afterSeq, int limit)
    {
        var actor = CurrentActor();
        return await Guard(async () =>
        {
            var page = await incidents.ReadLogAsync(actor, incidentId, afterSeq, limit, Context.ConnectionAborted);
            return (IReadOnlyList<LogEntryDto>)page.Select(LogEntryDto.From).ToList();
        });
    }

    public async Task<LogEntryDto> AppendLog(Guid incidentId, AppendLogRequest request)
    {
        var actor = CurrentActor();
        var ct = Context.ConnectionAborted;
        return await Guard(async () =>
        {
            // request.IdempotencyKey, a client's key for the entry: the same key again answers the same entry.
            var key = IncidentWire.ClientKey(actor, request?.IdempotencyKey);
            var append = await IncidentWire.ToAppendEntryAsync(request, () => incidents.RefuseAppendBeforeEntryAsync(actor, incidentId, ct));
            return LogEntryDto.From((await incidents.AppendOnceAsync(actor, incidentId, append, key, ct)).Entry);
        });
    }

    public async Task LeaveIncident(Guid incidentId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(incidentId));
        if (Watches().TryRemove(incidentId, out var lease))
        {
            lease.Dispose();
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        foreach (var incidentId in Watches().Keys)
        {
            if (Watches().TryRemove(incidentId, out var lease))
            {
                lease.Dispose();
            }
        }
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>Makes the relay watch the incident for this connection, once however often it joins.</summary>
    private void Watch(Guid incidentId, int lastSeq)
    {
        var watches = Watches();
        if (!watches.ContainsKey(incidentId))
        {
            var lease = relay.Watch(incidentId, lastSeq);
            if (!watches.TryAdd(incidentId, lease))
            {
                lease.Dispose();
            }
        }
    }

    private ConcurrentDictionary<Guid, IDisposable> Watches() =>
        (ConcurrentDictionary<Guid, IDisposable>)Context.Items[WatchesKey]!;

    private Actor CurrentActor()
    {
        var ip = Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "?";
        return Actor.FromPrincipal(Context.User!, $"hub {ip}");
    }

    /// <summary>Turns refusals into hub errors that carry the status, the English message and the code to the caller.</summary>
    private async Task<T> Guard<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (RuleViolationException ex)
        {
            throw new HubException($"{ProblemMapping.StatusOf(ex.Kind)}: {phrases.English(ex.Phrase)} [{ex.Code}]");
        }
    }
}
