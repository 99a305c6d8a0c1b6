using Crisis.Domain;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Microsoft.AspNetCore.Components.Authorization;

namespace Crisis.Web.Components;

/// <summary>
/// What a Blazor circuit needs to call the features as the signed-in person. A circuit lives for as long as
/// the page is open, so each call gets a service scope (and database context) of its own: a live update and a
/// click can then never share a context.
/// </summary>
public sealed class UiSession(AuthenticationStateProvider auth, IServiceScopeFactory scopes)
{
    /// <summary>The address the circuit was opened from, set by the root component during the first request.</summary>
    public string Origin { get; set; } = "ui";

    public async Task<Actor> ActorAsync()
    {
        var state = await auth.GetAuthenticationStateAsync();
        return Actor.FromPrincipal(state.User, Origin);
    }

    public async Task<T> IncidentsAsync<T>(Func<IncidentService, Actor, Task<T>> call)
    {
        var actor = await ActorAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IncidentService>(), actor);
    }

    /// <summary>Calls a feature service of any kind in a fresh scope, as the signed-in person.</summary>
    public async Task<T> RunAsync<TService, T>(Func<TService, Actor, Task<T>> call) where TService : notnull
    {
        var actor = await ActorAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<TService>(), actor);
    }

    /// <summary>Runs a call and turns a broken rule into a message for the person; null when it succeeded.</summary>
    public static async Task<string?> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (RuleViolationException ex)
        {
            return ex.Message;
        }
    }
}
