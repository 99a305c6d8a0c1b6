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

    /// <summary>
    /// Runs a call and turns a broken rule into a message for the person; null when it succeeded. Refusals get a Dutch
    /// explanation; other messages are the service's own.
    /// </summary>
    public static async Task<string?> TryAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Crisis.Domain.RuleViolationException ex) when (ex.Kind == Crisis.Domain.ViolationKind.Forbidden)
        {
            return ex.Message.StartsWith("Nobody writes their own", StringComparison.Ordinal)
                ? "Niemand registreert in zijn eigen paspoort; vraag een andere coördinator of oefenleider."
                : "Dit is alleen voor coördinatoren en oefenleiders. Je eigen paspoort staat onder Mijn paspoort.";
        }
        catch (Crisis.Domain.RuleViolationException ex)
        {
            return ex.Message;
        }
    }
}
