using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Crisis.Web.Security;

/// <summary>
/// The authentication state of a Blazor circuit, rechecked every <see cref="RevalidationInterval"/> with
/// <see cref="CredentialCheck"/> and at once when this node hears a <c>credentials-revoked</c> event for the user: a
/// revoked, locked, deleted, re-roled or logged-out user's circuit turns anonymous within seconds.
/// </summary>
public sealed class CircuitAuthenticationState : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState Anonymous = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly CredentialCheck _check;
    private readonly CredentialNotifier _notifier;

    public CircuitAuthenticationState(ILoggerFactory loggerFactory, CredentialCheck check, CredentialNotifier notifier)
        : base(loggerFactory)
    {
        _check = check;
        _notifier = notifier;
        _notifier.Revoked += OnRevokedAsync;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(2);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        authenticationState.User.Identity?.IsAuthenticated == true
            ? _check.IsValidAsync(authenticationState.User, cancellationToken)
            : Task.FromResult(true);

    private async Task OnRevokedAsync(Guid userId)
    {
        var state = await GetAuthenticationStateAsync();
        if (CredentialCheck.UserIdOf(state.User) == userId && !await _check.IsValidAsync(state.User))
        {
            SetAuthenticationState(Task.FromResult(Anonymous));
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _notifier.Revoked -= OnRevokedAsync;
        }
        base.Dispose(disposing);
    }
}
