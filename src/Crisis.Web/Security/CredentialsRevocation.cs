using System.Collections.Concurrent;
using Crisis.Web.Contracts;
using Crisis.Web.Data;
using Crisis.Web.Messaging;
using MassTransit;
using Microsoft.AspNetCore.SignalR;
using NodaTime;

namespace Crisis.Web.Security;

/// <summary>
/// This node's open hub connections by user and token, so a <c>credentials-revoked</c> event can close those of the
/// credential at once (the hub filter also rechecks on every call, <see cref="CredentialHubFilter"/>).
/// </summary>
public sealed class HubConnectionRegistry
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public void Add(HubCallerContext context) => _connections[context.ConnectionId] = context;

    public void Remove(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    /// <summary>The open connections of a user (only those made with <paramref name="tokenId"/>, when given).</summary>
    public IReadOnlyList<HubCallerContext> Of(Guid userId, Guid? tokenId = null) =>
        _connections.Values.Where(c => c.User is { } u && CredentialCheck.UserIdOf(u) == userId
            && (tokenId is null || CredentialCheck.TokenIdOf(u) == tokenId)).ToList();

    /// <summary>The ids of this node's open connections whose user matches <paramref name="user"/>.</summary>
    public IReadOnlyList<string> IdsWhere(Func<System.Security.Claims.ClaimsPrincipal, bool> user) =>
        _connections.Values.Where(c => c.User is { } u && user(u)).Select(c => c.ConnectionId).ToList();

    public int Count => _connections.Count;
}

/// <summary>Tells this node's Blazor circuits that a user's credentials changed, so each rechecks its own at once.</summary>
public sealed class CredentialNotifier(ILogger<CredentialNotifier> logger)
{
    public event Func<Guid, Task>? Revoked;

    internal Task PublishAsync(Guid userId) => CircuitEvents.RaiseAsync(Revoked, userId, logger);
}

/// <summary>
/// Every node consumes the event: it forgets the cached answers for the user, closes the hub connections whose credential
/// no longer stands, and tells its circuits to recheck.
/// </summary>
public sealed class CredentialsRevokedConsumer(
    CredentialCheck check, HubConnectionRegistry connections, CredentialNotifier notifier, RecentEvents recent)
    : IConsumer<CredentialsRevoked>
{
    public async Task Consume(ConsumeContext<CredentialsRevoked> context)
    {
        if (!recent.FirstTime(context.MessageId))
        {
            return;
        }
        var revoked = context.Message;
        check.Forget(revoked.UserId);
        foreach (var connection in connections.Of(revoked.UserId, revoked.TokenId))
        {
            if (!await check.IsValidAsync(connection.User!, context.CancellationToken))
            {
                connection.Abort();
            }
        }
        await notifier.PublishAsync(revoked.UserId);
    }
}

/// <summary>Stages the event in the unit of work that changes the credential.</summary>
public static class CredentialEvents
{
    public static OutboxMessage Stage(CrisisDbContext db, Guid userId, Guid? tokenId, string reason, Instant now) =>
        EventTypes.Stage(db, new CredentialsRevoked(userId, tokenId, reason, now), now);
}
