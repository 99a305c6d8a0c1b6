using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Paspoort;

/// <summary>What the record forms of the paspoort pages edit; the date as typed (yyyy-MM-dd), checked by the service.</summary>
public sealed class RecordForm
{
    public string Kind { get; set; } = "training";
    public string? Activity { get; set; }
    public string? Date { get; set; }
    public string? Function { get; set; }
    public string? Requirement { get; set; }
    public string? Result { get; set; }
    public string? Notes { get; set; }

    public static RecordForm New(string? function) => new() { Function = function };

    public static RecordForm From(RecordDto r) => new()
    {
        Kind = r.Kind,
        Activity = r.Activity,
        Date = r.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
        Function = r.Function,
        Requirement = r.Requirement,
        Result = r.Result,
        Notes = r.Notes,
    };

    /// <summary>The date, or null when empty or not a date (the service then says what is wrong).</summary>
    public LocalDate? ParsedDate()
    {
        if (string.IsNullOrWhiteSpace(Date))
        {
            return null;
        }
        var result = LocalDatePattern.Iso.Parse(Date.Trim());
        return result.Success ? result.Value : throw Crisis.Domain.LegacyRefusals.Of(Crisis.Domain.ViolationKind.Invalid, $"'{Date}' is geen datum; gebruik jjjj-mm-dd.", "date");
    }

    public CreateRecordRequest ToRequest(Guid personId, Guid? voids) =>
        new(personId, Kind, Activity, ParsedDate(), Function, Requirement, Result, Notes, voids);
}
