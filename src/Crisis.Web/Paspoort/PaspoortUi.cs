using Crisis.Web.Components;
using Crisis.Web.Identity;

namespace Crisis.Web.Paspoort;

/// <summary>
/// What the paspoort pages need from a circuit: the signed-in person, and each call in a service scope (and database
/// context) of its own, as <see cref="UiSession"/> does for incidents.
/// </summary>
public sealed class PaspoortUi(UiSession session, IServiceScopeFactory scopes)
{
    public Task<Actor> ActorAsync() => session.ActorAsync();

    public async Task<T> CallAsync<T>(Func<PaspoortService, Actor, Task<T>> call)
    {
        var actor = await session.ActorAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<PaspoortService>(), actor);
    }
}
