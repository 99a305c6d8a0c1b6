using Crisis.Domain.Paspoort;
using Crisis.Web.Paspoort;

namespace Crisis.Web.Components.Pages.Paspoort;

/// <summary>The Dutch words of the paspoort pages that are not a single enum label.</summary>
public static class PaspoortLabels
{
    /// <summary>Whether a record no longer counts: a withdrawal, or voided by a later record.</summary>
    public static bool Gone(StoredRecord r) => r.Record.Status == RecordStatus.Void || r.VoidedBy is not null;

    /// <summary>Concept, Bevestigd, Intrekking, or Vervangen when a later record corrected, confirmed or withdrew it.</summary>
    public static string State(StoredRecord r) =>
        r.Record.Status == RecordStatus.Void ? "Intrekking"
        : r.VoidedBy is not null ? "Vervangen"
        : r.Record.Status.ToDutch();

    /// <summary>How often a requirement asks for its activity: <c>elke 12 maanden</c>, <c>eenmalig</c>, with the minimum count.</summary>
    public static string Rhythm(Requirement r, bool brief = false) =>
        (r.ValidForMonths is { } m ? (brief ? $"elke {m} mnd" : $"elke {m} maanden") : "eenmalig")
        + (r.MinimumCount > 1 ? (brief ? $", min. {r.MinimumCount}" : $", minimaal {r.MinimumCount}") : "");

    /// <summary>Activities an exercise produced carry the OEFENING mark.</summary>
    public static bool IsExercise(string activity) => activity.StartsWith(DeploymentEvidence.ExerciseMark, StringComparison.Ordinal);
}
