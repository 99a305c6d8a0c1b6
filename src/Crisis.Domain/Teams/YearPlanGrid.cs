namespace Crisis.Domain.Teams;

/// <summary>One working group's row of the year grid: its activities, which run in each quarter, and their costs.</summary>
public sealed record PlanGroupRow(
    string Team, string Name, IReadOnlyList<PlanActivity> Activities, IReadOnlyList<IReadOnlyList<string>> Quarters, decimal Costs);

/// <summary>
/// The year plan as the paper plan shows it: activities by working group × quarters, with the cost totals per group
/// and for the year. Groups without activities still get their (empty) row, in the order given.
/// </summary>
public sealed record YearPlanGrid(int Year, IReadOnlyList<PlanGroupRow> Groups, decimal Costs)
{
    /// <summary>Lays out <paramref name="activities"/> of <paramref name="year"/> under <paramref name="groups"/> (code, name).</summary>
    public static YearPlanGrid Build(int year, IEnumerable<PlanActivity> activities, IReadOnlyList<(string Code, string Name)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var list = activities.Where(a => a.Year == year).ToList();
        var rows = groups.Select(g => g.Code).Concat(list.Select(a => a.Team)).Distinct(StringComparer.Ordinal).Select(code =>
        {
            var name = groups.FirstOrDefault(g => g.Code == code).Name ?? code;
            var mine = list.Where(a => a.Team == code).Order(Comparer<PlanActivity>.Create((a, b) => YearPlanRules.CompareCodes(a.Code, b.Code))).ToList();
            var quarters = Enumerable.Range(1, 4)
                .Select(q => (IReadOnlyList<string>)mine.Where(a => a.Quarters.Contains(q)).Select(a => a.Code).ToList()).ToList();
            return new PlanGroupRow(code, name, mine, quarters, Total(mine));
        }).ToList();
        return new YearPlanGrid(year, rows, Total(list));
    }

    /// <summary>What the activities cost together; cancelled ones cost nothing.</summary>
    public static decimal Total(IEnumerable<PlanActivity> activities) =>
        activities.Where(a => a.Status != PlanStatus.Cancelled).Sum(a => a.Costs?.Amount ?? 0m);
}
