using NodaTime;

namespace Crisis.Domain.Teams;

/// <summary>What an answered Leerprikkel writes in the answerer's paspoort: a <c>training</c> record of this activity (and requirement).</summary>
public sealed record LeerprikkelTraining(string Activity, string? RequirementFunction, string? RequirementCode)
{
    /// <summary>The requirement as the wire writes it: <c>FUNCTION/CODE</c>, or null.</summary>
    public string? Requirement => RequirementFunction is null ? null : $"{RequirementFunction}/{RequirementCode}";
}

/// <summary>
/// A Leerprikkel (year-plan activity D5, the Leerprikkelaar): a question or assignment the OTO working group writes,
/// sent to everyone holding one of <see cref="Audience"/>'s functions on <see cref="SendOn"/> at
/// <see cref="LeerprikkelRules.SendHour"/> local time, with one reminder <see cref="ReminderAfterDays"/> later to whoever
/// has not answered. With <see cref="Training"/> an answer counts as a paspoort training record.
/// </summary>
public sealed record Leerprikkel(string Question, IReadOnlyList<string> Audience, LocalDate SendOn, int ReminderAfterDays, LeerprikkelTraining? Training);

/// <summary>A Leerprikkel as a caller gives it, before its rules are checked.</summary>
public sealed record LeerprikkelInput(
    string? Question, IReadOnlyList<string?>? Audience, LocalDate? SendOn, int? ReminderAfterDays, string? TrainingActivity, string? Requirement,
    bool CountsAsTraining = false);

/// <summary>How many of the people addressed in one function answered.</summary>
public sealed record AnswerRate(string Function, int Addressed, int Answered);

/// <summary>One addressee as the rate counts them: the audience functions they held when the question went out.</summary>
public sealed record AddresseeState(IReadOnlyList<string> Functions, bool Answered);

/// <summary>The rules of the Leerprikkelaar: what a question, its audience, its day and an answer may be.</summary>
public static class LeerprikkelRules
{
    public const int MaxQuestionLength = 4000;
    public const int MaxAnswerLength = 4000;
    public const int MaxActivityLength = 200;
    public const int MaxAudience = 30;
    public const int MinReminderDays = 1;
    public const int MaxReminderDays = 28;
    public const int DefaultReminderDays = 7;

    /// <summary>How far ahead a question may be planned: a year.</summary>
    public const int MaxDaysAhead = 366;

    /// <summary>The name an answered question carries in the paspoort when the group gives none.</summary>
    public const string DefaultActivity = "D5 Leerprikkelaar";

    /// <summary>The local hour (region zone) a question goes out on its day, and a reminder on its day: 09:00.</summary>
    public static readonly LocalTime SendHour = new(9, 0);

    /// <summary>The instant <paramref name="date"/> at <see cref="SendHour"/> in <paramref name="zone"/> (a skipped hour moves later).</summary>
    public static Instant At(LocalDate date, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return (date + SendHour).InZoneLeniently(zone).ToInstant();
    }

    /// <summary>When the reminder goes out for a question sent at <paramref name="sentAt"/>: <paramref name="days"/> days after its day at 09:00, and never sooner than that many days after it really went out.</summary>
    public static Instant ReminderAt(LocalDate sendOn, int days, Instant sentAt, DateTimeZone zone)
    {
        var planned = At(sendOn.PlusDays(days), zone);
        var late = sentAt + Duration.FromDays(days);
        return planned >= late ? planned : late;
    }

    /// <summary>Checks a new question against the functions there are and today; returns it trimmed and canonical, or throws the first broken rule.</summary>
    public static Leerprikkel Validate(LeerprikkelInput input, IReadOnlyCollection<string> functions, LocalDate today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(functions);
        var question = TextRules.Required(input.Question, "question", LeerprikkelRefusals.QuestionMissing.RaiseFor("question"), multiline: true);
        if (question.Length > MaxQuestionLength)
        {
            throw LeerprikkelRefusals.TextTooLong.RaiseFor("question", ("field", "question"), ("length", question.Length), ("max", MaxQuestionLength));
        }
        var audience = new List<string>();
        foreach (var (f, i) in (input.Audience ?? []).Select((f, i) => (f, i)))
        {
            var function = Texts.TrimToNull(f)?.ToUpperInvariant() ?? throw LeerprikkelRefusals.FunctionUnknown.RaiseFor($"audience[{i}]", ("function", ""));
            if (!functions.Contains(function, StringComparer.Ordinal))
            {
                throw LeerprikkelRefusals.FunctionUnknown.RaiseFor($"audience[{i}]", ("function", Texts.Shorten(function)));
            }
            if (!audience.Contains(function))
            {
                audience.Add(function);
            }
        }
        if (audience.Count == 0)
        {
            throw LeerprikkelRefusals.AudienceMissing.RaiseFor("audience");
        }
        if (audience.Count > MaxAudience)
        {
            throw LeerprikkelRefusals.AudienceTooLarge.RaiseFor("audience", ("count", audience.Count), ("max", MaxAudience));
        }
        var sendOn = input.SendOn ?? throw LeerprikkelRefusals.SendOnMissing.RaiseFor("sendOn");
        if (sendOn < today || sendOn > today.PlusDays(MaxDaysAhead))
        {
            throw LeerprikkelRefusals.SendOnOutOfRange.RaiseFor("sendOn", ("date", sendOn), ("today", today), ("max", MaxDaysAhead));
        }
        var days = input.ReminderAfterDays ?? DefaultReminderDays;
        if (days is < MinReminderDays or > MaxReminderDays)
        {
            throw LeerprikkelRefusals.ReminderOutOfRange.RaiseFor("reminderAfterDays", ("days", days), ("min", MinReminderDays), ("max", MaxReminderDays));
        }
        return new Leerprikkel(question, audience, sendOn, days, Training(input, functions));
    }

    /// <summary>An answer: required, multi-line, at most <see cref="MaxAnswerLength"/> characters.</summary>
    public static string ValidateAnswer(string? text)
    {
        var answer = TextRules.Required(text, "text", LeerprikkelRefusals.AnswerMissing.RaiseFor("text"), multiline: true);
        return answer.Length > MaxAnswerLength
            ? throw LeerprikkelRefusals.TextTooLong.RaiseFor("text", ("field", "text"), ("length", answer.Length), ("max", MaxAnswerLength))
            : answer;
    }

    /// <summary>
    /// Per audience function (in the question's order) how many were addressed and how many answered; a person who held
    /// two of the functions counts in both.
    /// </summary>
    public static IReadOnlyList<AnswerRate> Rates(IReadOnlyList<string> audience, IEnumerable<AddresseeState> addressees)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var list = addressees.ToList();
        return audience.Select(f =>
        {
            var of = list.Where(a => a.Functions.Contains(f, StringComparer.Ordinal)).ToList();
            return new AnswerRate(f, of.Count, of.Count(a => a.Answered));
        }).ToList();
    }

    private static LeerprikkelTraining? Training(LeerprikkelInput input, IReadOnlyCollection<string> functions)
    {
        var activity = TextRules.Optional(input.TrainingActivity, "training.activity");
        var requirement = Texts.TrimToNull(input.Requirement);
        if (!input.CountsAsTraining)
        {
            return activity is null && requirement is null
                ? null
                : throw LeerprikkelRefusals.TrainingNotChosen.RaiseFor("training");
        }
        activity ??= DefaultActivity;
        if (activity.Length > MaxActivityLength)
        {
            throw LeerprikkelRefusals.TextTooLong.RaiseFor("training.activity", ("field", "training.activity"), ("length", activity.Length), ("max", MaxActivityLength));
        }
        if (requirement is null)
        {
            return new LeerprikkelTraining(activity, null, null);
        }
        var parts = requirement.ToUpperInvariant().Split('/');
        if (parts.Length != 2 || TextRules.IsBlank(parts[0]) || TextRules.IsBlank(parts[1]))
        {
            throw LeerprikkelRefusals.RequirementInvalid.RaiseFor("training.requirement", ("requirement", Texts.Shorten(requirement)));
        }
        var function = parts[0].Trim();
        if (!functions.Contains(function, StringComparer.Ordinal))
        {
            throw LeerprikkelRefusals.FunctionUnknown.RaiseFor("training.requirement", ("function", Texts.Shorten(function)));
        }
        return new LeerprikkelTraining(activity, function, parts[1].Trim());
    }
}

/// <summary>The rules of the Leerprikkelaar a request can break.</summary>
public static class LeerprikkelRefusals
{
    public static readonly RefusalCode QuestionMissing = new("leerprikkel.question-missing", ViolationKind.Invalid);
    public static readonly RefusalCode TextTooLong = new("leerprikkel.text-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode AudienceMissing = new("leerprikkel.audience-missing", ViolationKind.Invalid);
    public static readonly RefusalCode AudienceTooLarge = new("leerprikkel.audience-too-large", ViolationKind.Invalid);
    public static readonly RefusalCode FunctionUnknown = new("leerprikkel.function-unknown", ViolationKind.Invalid);
    public static readonly RefusalCode SendOnMissing = new("leerprikkel.send-on-missing", ViolationKind.Invalid);
    public static readonly RefusalCode SendOnOutOfRange = new("leerprikkel.send-on-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode ReminderOutOfRange = new("leerprikkel.reminder-out-of-range", ViolationKind.Invalid);
    public static readonly RefusalCode TrainingNotChosen = new("leerprikkel.training-not-chosen", ViolationKind.Invalid);
    public static readonly RefusalCode RequirementInvalid = new("leerprikkel.requirement-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode AnswerMissing = new("leerprikkel.answer-missing", ViolationKind.Invalid);
}
