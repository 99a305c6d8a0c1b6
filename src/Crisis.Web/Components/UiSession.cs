using Crisis.Domain;
using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crisis.Web.Components;

/// <summary>
/// The one way a page calls a feature: as the signed-in person, in a service scope (and database context) of its own
/// per call, since a circuit lives as long as the page is open and a live update and a click must never share a
/// context. Refusals come back as Dutch sentences from the features' phrase tables (<see cref="Phrasebook"/>), so no
/// English text can reach a page.
/// </summary>
public sealed partial class UiSession(
    AuthenticationStateProvider auth, IServiceScopeFactory scopes, Phrasebook phrases, ILogger<UiSession> logger,
    Security.UiCallLimit limit)
{
    /// <summary>The address the circuit was opened from, set by the root component during the first request.</summary>
    public string Origin { get; set; } = "ui";

    public async Task<Actor> ActorAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User, Origin);
    }

    /// <summary>
    /// Calls a feature service in a fresh scope, as the signed-in person: <c>Session.RunAsync((ShiftService s, Actor a)
    /// => s.GetAsync(a, id))</c>. A refusal is thrown; see <see cref="TryAsync"/>.
    /// </summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Actor, Task<T>> call) where TService : notnull
    {
        limit.Take();
        var actor = await ActorAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), actor);
    }

    /// <summary>
    /// Runs a page action and turns a refusal into a Dutch sentence for the person; null when it succeeded. Any other
    /// failure (a cancelled or timed-out call too) is logged and answered with a general Dutch message, so that no action
    /// can kill the circuit: every event handler that does more than set a field goes through here.
    /// </summary>
    public async Task<string?> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RuleViolationException ex)
        {
            return phrases.Dutch(ex.Phrase);
        }
        catch (Exception ex)
        {
            UiLog.ActionFailed(logger, ex);
            return phrases.Dutch(PlatformPhrases.Failed.With());
        }
    }

    /// <summary>A warning or notice in Dutch.</summary>
    public string Dutch(Phrase phrase) => phrases.Dutch(phrase);

    private static partial class UiLog
    {
        [LoggerMessage(Level = LogLevel.Error, Message = "A page action failed")]
        public static partial void ActionFailed(ILogger logger, Exception ex);
    }
}
