using System.Globalization;
using Crisis.Domain.Paspoort;

namespace Crisis.Domain.Teams;

/// <summary>Where a year-plan activity stands: from an idea to held (done) or dropped (cancelled).</summary>
public enum PlanStatus
{
    Idea,
    Planned,
    Preparing,
    Done,
    Cancelled,
}

/// <summary>What an activity costs, with what the money is for.</summary>
public sealed record PlanCosts(decimal Amount, string? Note);

/// <summary>
/// One activity of the OTO year plan (jaarplan): a course, training or exercise with its code (A1 … E10, unique in its
/// year), the working group it belongs to, its contact person, audience (functions), the quarters it runs in, its
/// costs and status. <see cref="Kind"/> and <see cref="RequirementFunction"/>/<see cref="RequirementCode"/> say which
/// paspoort record a held session writes for each attendee.
/// </summary>
public sealed record PlanActivity(
    int Year, string Code, string Title, string Team, Guid? ContactPersonId, string? Goal, IReadOnlyList<string> Audience,
    string? Description, string? Result, IReadOnlyList<int> Quarters, PlanCosts? Costs, PlanStatus Status, ActivityKind? Kind,
    string? RequirementFunction, string? RequirementCode)
{
    /// <summary>The requirement as the wire writes it: <c>FUNCTION/CODE</c>, or null.</summary>
    public string? Requirement => RequirementFunction is null ? null : $"{RequirementFunction}/{RequirementCode}";

    /// <summary>The name a paspoort record of this activity carries: <c>B3 Simulatie-oefening Omgevingszorg</c>.</summary>
    public string RecordName => $"{Code} {Title}";
}

/// <summary>An activity as a caller gives it, before its rules are checked.</summary>
public sealed record PlanActivityInput(
    string? Code, string? Title, string? Team, Guid? ContactPersonId, string? Goal, IReadOnlyList<string?>? Audience,
    string? Description, string? Result, IReadOnlyList<int>? Quarters, decimal? CostAmount, string? CostNote, string? Status,
    string? Kind, string? Requirement);

/// <summary>What the rules need to know of the world: the working groups and functions there are.</summary>
public sealed record PlanContext(IReadOnlyCollection<string> WorkingGroups, IReadOnlyCollection<string> Functions, Func<Guid, bool> PersonExists);

/// <summary>Wire names and Dutch labels of the year plan's enums.</summary>
public static class PlanNames
{
    public static readonly WireNames<PlanStatus> Statuses = new(
        (PlanStatus.Idea, "idea", "Idee"),
        (PlanStatus.Planned, "planned", "Gepland"),
        (PlanStatus.Preparing, "preparing", "In voorbereiding"),
        (PlanStatus.Done, "done", "Uitgevoerd"),
        (PlanStatus.Cancelled, "cancelled", "Vervallen"));

    /// <summary>The kinds a plan activity can have: a deployment is not planned.</summary>
    public static readonly IReadOnlyList<ActivityKind> Kinds = [ActivityKind.Course, ActivityKind.Training, ActivityKind.Exercise];

    public static string ToWire(this PlanStatus status) => Statuses.Wire(status);

    public static string ToDutch(this PlanStatus status) => Statuses.Dutch(status);

    /// <summary>A status by its wire name or Dutch label (as the CSV writes it).</summary>
    public static PlanStatus ParseStatus(string? text, string field = "status")
    {
        if (TextRules.IsBlank(text))
        {
            throw YearPlanRefusals.StatusMissing.RaiseFor(field, ("statuses", Statuses.All));
        }
        if (Statuses.TryParse(text, out var status))
        {
            return status;
        }
        foreach (var s in Enum.GetValues<PlanStatus>())
        {
            if (Texts.SameCode(s.ToDutch(), text.Trim()))
            {
                return s;
            }
        }
        throw YearPlanRefusals.StatusUnknown.RaiseFor(field, ("status", Texts.Shorten(text)), ("statuses", Statuses.All));
    }

    /// <summary>An optional kind (course, training, exercise) by wire name or Dutch label.</summary>
    public static ActivityKind? ParseKind(string? text, string field = "kind")
    {
        if (TextRules.IsBlank(text))
        {
            return null;
        }
        foreach (var k in Kinds)
        {
            if (Texts.SameCode(k.ToWire(), text.Trim()) || Texts.SameCode(k.ToDutch(), text.Trim()))
            {
                return k;
            }
        }
        throw YearPlanRefusals.KindUnknown.RaiseFor(field, ("kind", Texts.Shorten(text)), ("kinds", Kinds.Select(k => k.ToWire()).ToList()));
    }
}

/// <summary>The rules of the OTO year plan's activities.</summary>
public static class YearPlanRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxCodeLength = 8;
    public const int MaxTitleLength = 200;
    public const int MaxTextLength = 2000;
    public const int MaxCostNoteLength = 300;
    public const int MaxAudience = 30;
    public const decimal MaxCosts = 10_000_000m;

    /// <summary>The year of a plan: 2000 … 2100, else a 400.</summary>
    public static int ValidateYear(int year, string field = "year") => year is >= MinYear and <= MaxYear
        ? year
        : throw YearPlanRefusals.YearOutOfRange.RaiseFor(field, ("year", year), ("min", MinYear), ("max", MaxYear));

    /// <summary>An activity code as stored: upper case, one to three letters then one to three digits (A1, E10).</summary>
    public static string ValidateCode(string? code, string field = "code")
    {
        var c = Texts.TrimToNull(code)?.ToUpperInvariant() ?? throw YearPlanRefusals.CodeMissing.RaiseFor(field);
        var letters = c.TakeWhile(char.IsAsciiLetterUpper).Count();
        var digits = c.Length - letters;
        if (c.Length > MaxCodeLength || letters is < 1 or > 3 || digits is < 1 or > 3 || !c.Skip(letters).All(char.IsAsciiDigit))
        {
            throw YearPlanRefusals.CodeInvalid.RaiseFor(field, ("code", Texts.Shorten(c)));
        }
        return c;
    }

    /// <summary>Codes in the order of the paper plan: by letters, then by number (A2 before A10).</summary>
    public static int CompareCodes(string a, string b)
    {
        static (string, int) Split(string c)
        {
            var letters = new string(c.TakeWhile(char.IsAsciiLetter).ToArray());
            return (letters, int.TryParse(c.AsSpan(letters.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
        }
        var (la, na) = Split(a);
        var (lb, nb) = Split(b);
        var byLetters = string.CompareOrdinal(la, lb);
        return byLetters != 0 ? byLetters : na != nb ? na.CompareTo(nb) : string.CompareOrdinal(a, b);
    }

    /// <summary>Checks an activity of <paramref name="year"/>; returns it trimmed and canonical, or throws the first broken rule.</summary>
    public static PlanActivity Validate(int year, PlanActivityInput input, PlanContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        ValidateYear(year);
        var code = ValidateCode(input.Code);
        var title = TextRules.Required(input.Title, "title", YearPlanRefusals.TitleMissing.RaiseFor("title"));
        if (title.Length > MaxTitleLength)
        {
            throw YearPlanRefusals.TextTooLong.RaiseFor("title", ("field", "title"), ("length", title.Length), ("max", MaxTitleLength));
        }
        var team = Texts.TrimToNull(input.Team)?.ToUpperInvariant() ?? throw YearPlanRefusals.TeamMissing.RaiseFor("team");
        if (!context.WorkingGroups.Contains(team, StringComparer.Ordinal))
        {
            throw YearPlanRefusals.TeamNotWorkingGroup.RaiseFor("team", ("team", Texts.Shorten(team)), ("groups", context.WorkingGroups.ToList()));
        }
        if (input.ContactPersonId is { } contact && (contact == Guid.Empty || !context.PersonExists(contact)))
        {
            throw YearPlanRefusals.ContactUnknown.RaiseFor("contactPersonId", ("personId", contact));
        }
        var audience = new List<string>();
        foreach (var (f, i) in (input.Audience ?? []).Select((f, i) => (f, i)))
        {
            var function = Texts.TrimToNull(f)?.ToUpperInvariant() ?? throw YearPlanRefusals.FunctionUnknown.RaiseFor($"audience[{i}]", ("function", ""));
            if (!context.Functions.Contains(function, StringComparer.Ordinal))
            {
                throw YearPlanRefusals.FunctionUnknown.RaiseFor($"audience[{i}]", ("function", Texts.Shorten(function)));
            }
            if (!audience.Contains(function))
            {
                audience.Add(function);
            }
        }
        if (audience.Count > MaxAudience)
        {
            throw YearPlanRefusals.AudienceTooLarge.RaiseFor("audience", ("count", audience.Count), ("max", MaxAudience));
        }
        var quarters = (input.Quarters ?? []).Distinct().Order().ToList();
        if (quarters.Any(q => q is < 1 or > 4))
        {
            throw YearPlanRefusals.QuarterInvalid.RaiseFor("quarters", ("quarter", quarters.First(q => q is < 1 or > 4)));
        }
        PlanCosts? costs = null;
        var costNote = Text(input.CostNote, "costs.note", MaxCostNoteLength);
        if (input.CostAmount is { } amount)
        {
            if (amount < 0 || amount > MaxCosts || decimal.Round(amount, 2) != amount)
            {
                throw YearPlanRefusals.CostsInvalid.RaiseFor("costs.amount", ("amount", amount), ("max", MaxCosts));
            }
            costs = new PlanCosts(amount, costNote);
        }
        else if (costNote is not null)
        {
            throw YearPlanRefusals.CostsInvalid.RaiseFor("costs.amount", ("amount", "-"), ("max", MaxCosts));
        }
        var status = PlanNames.ParseStatus(input.Status);
        var kind = PlanNames.ParseKind(input.Kind);
        string? reqFunction = null, reqCode = null;
        if (Texts.TrimToNull(input.Requirement) is { } requirement)
        {
            var parts = requirement.ToUpperInvariant().Split('/');
            if (parts.Length != 2 || TextRules.IsBlank(parts[0]) || TextRules.IsBlank(parts[1]))
            {
                throw YearPlanRefusals.RequirementInvalid.RaiseFor("requirement", ("requirement", Texts.Shorten(requirement)));
            }
            reqFunction = parts[0].Trim();
            reqCode = parts[1].Trim();
            if (!context.Functions.Contains(reqFunction, StringComparer.Ordinal))
            {
                throw YearPlanRefusals.FunctionUnknown.RaiseFor("requirement", ("function", Texts.Shorten(reqFunction)));
            }
            if (kind is null)
            {
                throw YearPlanRefusals.RequirementWithoutKind.RaiseFor("kind", ("requirement", $"{reqFunction}/{reqCode}"));
            }
        }
        return new PlanActivity(year, code, title, team, input.ContactPersonId, Text(input.Goal, "goal", MaxTextLength), audience,
            Text(input.Description, "description", MaxTextLength), Text(input.Result, "result", MaxTextLength), quarters, costs, status,
            kind, reqFunction, reqCode);
    }

    /// <summary>The copy of an activity in <paramref name="next"/>: the same, as an idea again.</summary>
    public static PlanActivity CopyTo(PlanActivity activity, int next)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ValidateYear(next, "next");
        return activity with { Year = next, Status = PlanStatus.Idea };
    }

    /// <summary>A plan is copied forward only: into a later year.</summary>
    public static void ValidateCopy(int year, int next)
    {
        ValidateYear(year);
        ValidateYear(next, "next");
        if (next <= year)
        {
            throw YearPlanRefusals.CopyBackwards.RaiseFor("next", ("year", year), ("next", next));
        }
    }

    private static string? Text(string? text, string field, int max)
    {
        var t = TextRules.Optional(text, field, multiline: true);
        return t is { Length: var n } && n > max
            ? throw YearPlanRefusals.TextTooLong.RaiseFor(field, ("field", field), ("length", n), ("max", max))
            : t;
    }
}

/// <summary>The rules of the year plan a request can break.</summary>
public static class YearPlanRefusals
{
    public static readonly RefusalCode YearOutOfRange = new("yearplan.year-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode CodeMissing = new("yearplan.code-missing", ViolationKind.Invalid);
    public static readonly RefusalCode CodeInvalid = new("yearplan.code-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode TitleMissing = new("yearplan.title-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TextTooLong = new("yearplan.text-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode TeamMissing = new("yearplan.team-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TeamNotWorkingGroup = new("yearplan.team-not-working-group", ViolationKind.Invalid);
    public static readonly RefusalCode ContactUnknown = new("yearplan.contact-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode FunctionUnknown = new("yearplan.function-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode AudienceTooLarge = new("yearplan.audience-too-large", ViolationKind.Invalid);
    public static readonly RefusalCode QuarterInvalid = new("yearplan.quarter-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode CostsInvalid = new("yearplan.costs-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode StatusMissing = new("yearplan.status-missing", ViolationKind.Invalid);
    public static readonly RefusalCode StatusUnknown = new("yearplan.status-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode KindUnknown = new("yearplan.kind-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode RequirementInvalid = new("yearplan.requirement-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode RequirementWithoutKind = new("yearplan.requirement-without-kind", ViolationKind.Invalid);
    public static readonly RefusalCode CopyBackwards = new("yearplan.copy-backwards", ViolationKind.Invalid);
    public static readonly RefusalCode CsvColumnMissing = new("yearplan.csv-column-missing", ViolationKind.Invalid);
    public static readonly RefusalCode CsvNumberInvalid = new("yearplan.csv-number-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode CsvCodeTwice = new("yearplan.csv-code-twice", ViolationKind.Invalid);
    public static readonly RefusalCode CsvContactUnknown = new("yearplan.csv-contact-unknown", ViolationKind.Invalid);
}
