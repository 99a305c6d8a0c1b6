using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Security;

/// <summary>
/// Rechecks the caller's credential on every hub method call (<see cref="CredentialCheck"/>): a revoked or expired token, a
/// locked, deleted or re-roled user, or a logged-out cookie gets a 401 hub error and its connection is closed. Also keeps
/// <see cref="HubConnectionRegistry"/> up to date.
/// </summary>
public sealed class CredentialHubFilter(CredentialCheck check, HubConnectionRegistry connections) : IHubFilter
{
    private static readonly TimeSpan CloseDelay = TimeSpan.FromMilliseconds(200);

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var context = invocationContext.Context;
        if (context.User is null || !await check.IsValidAsync(context.User, context.ConnectionAborted))
        {
            // The caller first hears why (the error is written when this throws), then the connection ends.
            _ = Task.Delay(CloseDelay).ContinueWith(_ => context.Abort(), TaskScheduler.Default);
            throw new HubException("401: Your sign-in is no longer valid; sign in again. [identity.credential-revoked]");
        }
        return await next(invocationContext);
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.User is null || !await check.IsValidAsync(context.Context.User, context.Context.ConnectionAborted))
        {
            throw new HubException("401: Your sign-in is no longer valid; sign in again. [identity.credential-revoked]");
        }
        connections.Add(context.Context);
        await next(context);
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        connections.Remove(context.Context);
        await next(context, exception);
    }
}
