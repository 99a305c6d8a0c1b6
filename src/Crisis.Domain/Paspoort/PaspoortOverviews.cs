using NodaTime;

namespace Crisis.Domain.Paspoort;

/// <summary>One person's row in a qualification matrix.</summary>
/// <param name="PersonId">The person.</param>
/// <param name="Status">Their status in the function as a whole.</param>
/// <param name="Cells">One status per requirement, in the order of <see cref="QualificationMatrix.Requirements"/>.</param>
public sealed record MatrixRow(Guid PersonId, PaspoortStatus Status, IReadOnlyList<RequirementStatus> Cells);

/// <summary>People by requirements for one function: what the OTO working group plans from.</summary>
public sealed record QualificationMatrix(
    string Function, LocalDate At, IReadOnlyList<Requirement> Requirements, IReadOnlyList<MatrixRow> Rows);

/// <summary>One requirement that runs out soon for one person in one function.</summary>
/// <param name="DaysLeft">Days from today to <paramref name="ValidUntil"/>; 0 when it runs out today.</param>
public sealed record ExpiryItem(
    Guid PersonId, string Function, Requirement Requirement, PaspoortStatus Status, LocalDate ValidUntil, int DaysLeft);

/// <summary>What runs out soon for one person, soonest first.</summary>
public sealed record PersonExpiries(Guid PersonId, IReadOnlyList<ExpiryItem> Items);

/// <summary>A person as the overviews need them: who, and which functions they hold.</summary>
public sealed record PersonFunctions(Guid PersonId, IReadOnlyList<string> Functions);

/// <summary>One person's part in an activity.</summary>
public sealed record Attendee(Guid PersonId, Guid RecordId, string? Function, RecordResult? Result, string? Notes);

/// <summary>One activity (same kind, name and date) and everyone recorded for it.</summary>
public sealed record ActivityAttendance(
    ActivityKind Kind, string Activity, LocalDate Date, Guid? IncidentId, IReadOnlyList<Attendee> Attendees);

/// <summary>Overviews for planning, derived from requirements and records; nothing here changes anything.</summary>
public static class PaspoortOverviews
{
    /// <summary>The default horizon of the expiry list (issue: "what expires in the next 90 days").</summary>
    public const int DefaultExpiryHorizonDays = 90;

    /// <summary>
    /// The qualification matrix of <paramref name="function"/> on day <paramref name="at"/>: a row per person in
    /// <paramref name="people"/> (in that order: the caller knows names and sorts by them), a column per
    /// requirement of the function.
    /// </summary>
    public static QualificationMatrix Matrix(
        string function, IEnumerable<Guid> people, IEnumerable<Requirement> requirements,
        IEnumerable<PaspoortRecord> records, LocalDate at)
    {
        var columns = requirements.Where(r => Texts.SameCode(r.Function, function)).ToList();
        var byPerson = records.ToLookup(r => r.PersonId);
        var rows = people.Distinct().Select(p =>
        {
            var status = Qualification.EvaluateFunction(p, function, columns, byPerson[p], at);
            return new MatrixRow(p, status.Status, status.Requirements);
        }).ToList();
        return new QualificationMatrix(function, at, columns, rows);
    }

    /// <summary>
    /// What runs out from <paramref name="today"/> through <paramref name="today"/> + <paramref name="horizonDays"/>
    /// days, per person: requirements that are met now (current or expiring) with a <c>ValidUntil</c> in that
    /// range. Already expired or missing ones are not listed: they have run out, and the matrix shows them.
    /// People are ordered by their soonest item, items by date, then function and code.
    /// </summary>
    public static IReadOnlyList<PersonExpiries> Expiries(
        IEnumerable<PersonFunctions> people, IEnumerable<Requirement> requirements,
        IEnumerable<PaspoortRecord> records, LocalDate today, int horizonDays = DefaultExpiryHorizonDays)
    {
        if (horizonDays < 0)
        {
            throw PaspoortRuleRefusals.HorizonNegative.RaiseFor("days", ("days", horizonDays));
        }
        var requirementList = requirements.ToList();
        var byPerson = records.ToLookup(r => r.PersonId);
        var last = today.PlusDays(horizonDays);
        var groups = new List<PersonExpiries>();
        foreach (var person in people.DistinctBy(p => p.PersonId))
        {
            var items = person.Functions
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .SelectMany(f => Qualification.EvaluateFunction(person.PersonId, f, requirementList, byPerson[person.PersonId], today)
                    .Requirements.Select(s => (Function: f, Status: s)))
                .Where(x => x.Status.Status.IsQualified() && x.Status.ValidUntil is { } until && until <= last)
                .Select(x => new ExpiryItem(
                    person.PersonId, x.Function, x.Status.Requirement, x.Status.Status, x.Status.ValidUntil!.Value,
                    Period.DaysBetween(today, x.Status.ValidUntil!.Value)))
                .OrderBy(i => i.ValidUntil)
                .ThenBy(i => i.Function, StringComparer.OrdinalIgnoreCase)
                .ThenBy(i => i.Requirement.Code, StringComparer.Ordinal)
                .ToList();
            if (items.Count > 0)
            {
                groups.Add(new PersonExpiries(person.PersonId, items));
            }
        }
        return groups
            .OrderBy(g => g.Items[0].ValidUntil)
            .ThenBy(g => g.PersonId)
            .ToList();
    }

    /// <summary>
    /// Who attended what: confirmed records in force, grouped by activity (kind, name ignoring case and
    /// surrounding space, date), newest activity first, attendees in record order. Drafts are left out until a
    /// coordinator confirms them, and withdrawals and voided records are left out, so a corrected record
    /// appears once, as corrected. Failed results are listed: the person did attend.
    /// </summary>
    public static IReadOnlyList<ActivityAttendance> Attendance(IEnumerable<PaspoortRecord> records)
    {
        var inForce = Voids.InForce(records).Where(r => r.Status == RecordStatus.Confirmed);
        return inForce
            .GroupBy(r => (r.Kind, Activity: r.Activity.Trim().ToUpperInvariant(), r.Date))
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToList();
                return new ActivityAttendance(
                    g.Key.Kind,
                    ordered[0].Activity.Trim(),
                    g.Key.Date,
                    ordered.Select(r => r.IncidentId).FirstOrDefault(id => id is not null),
                    ordered.Select(r => new Attendee(r.PersonId, r.Id, r.Function, r.Result, r.Notes)).ToList());
            })
            .OrderByDescending(a => a.Date)
            .ThenBy(a => a.Activity, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Kind)
            .ToList();
    }
}
