using Crisis.Domain.Paspoort;
using Crisis.Web.Paspoort;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Components.Pages.Paspoort;

/// <summary>What the record forms of the paspoort pages edit: the kind and result chosen from lists, the date as the date field gives it.</summary>
public sealed class RecordForm
{
    public ActivityKind Kind { get; set; } = ActivityKind.Training;
    public string? Activity { get; set; }

    /// <summary>The date field's value (<c>2026-03-23</c>, as a browser's date field gives it).</summary>
    public string? Date { get; set; }

    public string? Function { get; set; }
    public string? Requirement { get; set; }
    public RecordResult? Result { get; set; }
    public string? Notes { get; set; }

    public static RecordForm New(string? function) => new() { Function = function };

    public static RecordForm From(PaspoortRecord r) => new()
    {
        Kind = r.Kind,
        Activity = r.Activity,
        Date = LocalDatePattern.Iso.Format(r.Date),
        Function = r.Function,
        Requirement = r.RequirementCode,
        Result = r.Result,
        Notes = r.Notes,
    };

    /// <summary>The date; null when empty (the rules then ask for one); a refusal when the field holds no date.</summary>
    public LocalDate? ParsedDate()
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(Date.Trim());
        return result.Success ? Crisis.Domain.TimeRange.Check(result.Value, "date")
            : throw PaspoortRefusals.DateUnreadable.RaiseFor("date", ("field", "date"), ("value", Crisis.Domain.Texts.Shorten(Date)));
    }

    public RecordRequest ToRequest(Guid personId, Guid? voids) =>
        new(personId, Kind, Activity, ParsedDate(), Function, Requirement, Result, Notes, voids);
}
