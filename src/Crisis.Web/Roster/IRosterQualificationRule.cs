using NodaTime;
using Qualification = Crisis.Domain.Roster.Qualification;

namespace Crisis.Web.Roster;

/// <summary>
/// A rule, beyond holding the function, that says when people are qualified to be on call for a function.
/// The roster asks every registered rule and treats a person as qualified only where all of them agree
/// (e.g. the Veiligheidspaspoort: not <c>expired</c> or <c>missing</c> for that function).
/// </summary>
public interface IRosterQualificationRule
{
    /// <summary>
    /// Loads what the rule needs for these functions and people over <paramref name="during"/> (one database
    /// round trip, not one per shift), and returns the pure answer.
    /// </summary>
    Task<Qualification> LoadAsync(IReadOnlyCollection<string> functions, IReadOnlyCollection<Guid> people, Interval during, CancellationToken ct);
}
