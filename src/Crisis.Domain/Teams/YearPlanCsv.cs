using System.Globalization;
using Crisis.Domain.Paspoort;

namespace Crisis.Domain.Teams;

/// <summary>One bad row of a year-plan import: its line and what is wrong.</summary>
public sealed record PlanRowError(int Line, string? Field, Phrase Problem);

/// <summary>
/// The year plan as spreadsheet rows, as the export writes them and the import reads them back: Dutch headers, the
/// contact person by e-mail, audience as functions separated by commas, quarters as <c>Q1 Q3</c>, costs as a Dutch
/// number (<c>1250,5</c>), status and kind by their Dutch labels (wire names accepted too). A cell the export
/// neutralised against formulas (a leading <c>'</c> before <c>= + - @</c>) reads back as it was.
/// </summary>
public static class YearPlanCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Code", "Activiteit", "Werkgroep", "Contactpersoon", "Doel", "Doelgroep", "Omschrijving", "Resultaat", "Kwartalen",
        "Kosten", "Toelichting kosten", "Status", "Soort", "Eis",
    ];

    private static readonly string[] Required = ["code", "activiteit", "werkgroep", "status"];

    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The cells of one activity under <see cref="Header"/>; <paramref name="emailOf"/> gives the contact's e-mail.</summary>
    public static IReadOnlyList<string?> ToRow(PlanActivity a, Func<Guid, string?> emailOf)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(emailOf);
        return
        [
            a.Code, a.Title, a.Team, a.ContactPersonId is { } c ? emailOf(c) : null, a.Goal, string.Join(", ", a.Audience),
            a.Description, a.Result, string.Join(" ", a.Quarters.Select(q => $"Q{q}")),
            a.Costs is { } costs ? costs.Amount.ToString("0.##", Dutch) : null, a.Costs?.Note, a.Status.ToDutch(), a.Kind?.ToDutch(),
            a.Requirement,
        ];
    }

    /// <summary>
    /// Reads rows (line number, cells by header) into activities of <paramref name="year"/>. A header without a required
    /// column refuses the whole file; every other problem is a row error, and a code twice in the file is one too.
    /// </summary>
    public static (IReadOnlyList<PlanActivity> Activities, IReadOnlyList<PlanRowError> Errors) Read(
        int year, IReadOnlyCollection<string> header, IEnumerable<(int Line, Func<string, string?> Cell)> rows, PlanContext context,
        Func<string, Guid?> personByEmail)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(personByEmail);
        var keys = header.Select(Key).ToHashSet(StringComparer.Ordinal);
        var missing = Required.Where(r => !keys.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw YearPlanRefusals.CsvColumnMissing.Raise(("columns", string.Join(", ", missing)));
        }
        var activities = new List<PlanActivity>();
        var errors = new List<PlanRowError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (line, cell) in rows)
        {
            try
            {
                var activity = ReadRow(year, cell, context, personByEmail);
                if (seen.TryGetValue(activity.Code, out var first))
                {
                    throw YearPlanRefusals.CsvCodeTwice.RaiseFor("code", ("code", activity.Code), ("line", first));
                }
                seen[activity.Code] = line;
                activities.Add(activity);
            }
            catch (RuleViolationException ex) when (ex.Kind == ViolationKind.Invalid)
            {
                errors.Add(new PlanRowError(line, ex.Field, ex.Phrase));
            }
        }
        return (activities, errors);
    }

    /// <summary>A header cell as the reader knows it: trimmed and lower case.</summary>
    public static string Key(string header) => (header ?? "").Trim().TrimStart('\uFEFF').ToLowerInvariant();

    private static PlanActivity ReadRow(int year, Func<string, string?> cell, PlanContext context, Func<string, Guid?> personByEmail)
    {
        string? Get(string name) => Unneutralise(cell(Key(name)));
        Guid? contact = null;
        if (Texts.TrimToNull(Get("Contactpersoon")) is { } email)
        {
            contact = personByEmail(email) ?? throw YearPlanRefusals.CsvContactUnknown.RaiseFor("contactPersonId", ("email", Texts.Shorten(email)));
        }
        var audience = (Get("Doelgroep") ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var quarters = new List<int>();
        foreach (var part in (Get("Kwartalen") ?? "").Split([',', ' ', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var digits = part.TrimStart('Q', 'q', 'K', 'k');
            quarters.Add(int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var q)
                ? q
                : throw YearPlanRefusals.QuarterInvalid.RaiseFor("quarters", ("quarter", Texts.Shorten(part))));
        }
        var input = new PlanActivityInput(
            Get("Code"), Get("Activiteit"), Get("Werkgroep"), contact, Get("Doel"), audience, Get("Omschrijving"), Get("Resultaat"),
            quarters, Amount(Get("Kosten")), Get("Toelichting kosten"), Get("Status"), Get("Soort"), Get("Eis"));
        return YearPlanRules.Validate(year, input, context);
    }

    /// <summary>A Dutch amount (<c>1.250,50</c>, <c>1250,5</c>, <c>€ 300</c>) or one with a decimal point (<c>1250.5</c>).</summary>
    public static decimal? Amount(string? text)
    {
        var t = Texts.TrimToNull(text)?.Replace("€", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(t))
        {
            return null;
        }
        var culture = t.Contains(',', StringComparison.Ordinal) ? Dutch : CultureInfo.InvariantCulture;
        return decimal.TryParse(t, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, culture, out var v)
            ? v
            : throw YearPlanRefusals.CsvNumberInvalid.RaiseFor("costs.amount", ("text", Texts.Shorten(t)));
    }

    /// <summary>A cell as written before the export neutralised it: <c>'=x</c> back to <c>=x</c>.</summary>
    public static string? Unneutralise(string? cell) =>
        cell is { Length: > 1 } && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;
}
