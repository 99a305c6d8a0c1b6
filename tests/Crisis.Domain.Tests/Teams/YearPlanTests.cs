using Crisis.Domain.Paspoort;
using Crisis.Domain.Teams;

namespace Crisis.Domain.Tests.Teams;

public class YearPlanTests
{
    private static readonly Guid Contact = new("00000000-0000-0000-0000-00000000c0c0");

    private static readonly PlanContext Context = new(
        ["WG-PIM", "WG-OMGEVINGSZORG", "WG-ONDERSTEUNING", "WG-OTO"], ["OVD-BZ", "AOV", "MEDEWERKER-BZ"], p => p == Contact);

    private static PlanActivityInput Input(
        string? code = "B3", string? title = "Simulatie-oefening Omgevingszorg", string? team = "wg-omgevingszorg", Guid? contact = null,
        IReadOnlyList<string?>? audience = null, IReadOnlyList<int>? quarters = null, decimal? amount = 1250.5m, string? costNote = "Locatie",
        string? status = "planned", string? kind = "exercise", string? requirement = null) =>
        new(code, title, team, contact, "Samenwerking oefenen", audience ?? ["ovd-bz", "AOV"], null, null, quarters ?? [3, 1], amount, costNote,
            status, kind, requirement);

    private static void Refused(Action call, RefusalCode code, string? field)
    {
        var refusal = Should.Throw<RuleViolationException>(call);
        (refusal.Code, refusal.Kind, refusal.Field).ShouldBe((code.Code, code.Kind, field));
    }

    [Fact]
    public void A_valid_activity_comes_back_canonical()
    {
        var a = YearPlanRules.Validate(2027, Input(code: " b3 ", contact: Contact, requirement: "ovd-bz/oef-jaar"), Context);
        a.Code.ShouldBe("B3");
        a.Team.ShouldBe("WG-OMGEVINGSZORG");
        a.Audience.ShouldBe(["OVD-BZ", "AOV"]);
        a.Quarters.ShouldBe([1, 3]);
        a.Costs.ShouldBe(new PlanCosts(1250.5m, "Locatie"));
        a.Status.ShouldBe(PlanStatus.Planned);
        a.Kind.ShouldBe(ActivityKind.Exercise);
        (a.RequirementFunction, a.RequirementCode, a.Requirement).ShouldBe(("OVD-BZ", "OEF-JAAR", "OVD-BZ/OEF-JAAR"));
        a.RecordName.ShouldBe("B3 Simulatie-oefening Omgevingszorg");
    }

    [Theory]
    [InlineData("", "yearplan.code-missing")]
    [InlineData("3B", "yearplan.code-invalid")]
    [InlineData("A", "yearplan.code-invalid")]
    [InlineData("A1x", "yearplan.code-invalid")]
    [InlineData("ABCD1", "yearplan.code-invalid")]
    public void Codes_are_letters_then_digits(string code, string refusal) =>
        Should.Throw<RuleViolationException>(() => YearPlanRules.Validate(2027, Input(code: code), Context)).Code.ShouldBe(refusal);

    [Fact]
    public void Each_rule_refuses_with_its_field()
    {
        Refused(() => YearPlanRules.Validate(1999, Input(), Context), YearPlanRefusals.YearOutOfRange, "year");
        Refused(() => YearPlanRules.Validate(2027, Input(title: " "), Context), YearPlanRefusals.TitleMissing, "title");
        Refused(() => YearPlanRules.Validate(2027, Input(title: new string('x', 201)), Context), YearPlanRefusals.TextTooLong, "title");
        Refused(() => YearPlanRules.Validate(2027, Input(team: "PIM"), Context), YearPlanRefusals.TeamNotWorkingGroup, "team");
        Refused(() => YearPlanRules.Validate(2027, Input(team: null), Context), YearPlanRefusals.TeamMissing, "team");
        Refused(() => YearPlanRules.Validate(2027, Input(contact: Guid.NewGuid()), Context), YearPlanRefusals.ContactUnknown, "contactPersonId");
        Refused(() => YearPlanRules.Validate(2027, Input(audience: ["AOV", "NOPE"]), Context), YearPlanRefusals.FunctionUnknown, "audience[1]");
        Refused(() => YearPlanRules.Validate(2027, Input(quarters: [0]), Context), YearPlanRefusals.QuarterInvalid, "quarters");
        Refused(() => YearPlanRules.Validate(2027, Input(quarters: [5]), Context), YearPlanRefusals.QuarterInvalid, "quarters");
        Refused(() => YearPlanRules.Validate(2027, Input(amount: -1m), Context), YearPlanRefusals.CostsInvalid, "costs.amount");
        Refused(() => YearPlanRules.Validate(2027, Input(amount: 1.005m), Context), YearPlanRefusals.CostsInvalid, "costs.amount");
        Refused(() => YearPlanRules.Validate(2027, Input(status: "busy"), Context), YearPlanRefusals.StatusUnknown, "status");
        Refused(() => YearPlanRules.Validate(2027, Input(status: null), Context), YearPlanRefusals.StatusMissing, "status");
        Refused(() => YearPlanRules.Validate(2027, Input(kind: "deployment"), Context), YearPlanRefusals.KindUnknown, "kind");
        Refused(() => YearPlanRules.Validate(2027, Input(requirement: "OVD-BZ"), Context), YearPlanRefusals.RequirementInvalid, "requirement");
        Refused(() => YearPlanRules.Validate(2027, Input(requirement: "NOPE/X"), Context), YearPlanRefusals.FunctionUnknown, "requirement");
        Refused(() => YearPlanRules.Validate(2027, Input(kind: null, requirement: "AOV/X"), Context), YearPlanRefusals.RequirementWithoutKind, "kind");
        Refused(() => YearPlanRules.Validate(2027, Input(title: "a\u0007b"), Context), InputRefusals.ControlCharacter, "title");
    }

    [Fact]
    public void Zero_costs_and_no_costs_are_both_fine()
    {
        YearPlanRules.Validate(2027, Input(amount: 0m, costNote: null), Context).Costs.ShouldBe(new PlanCosts(0m, null));
        YearPlanRules.Validate(2027, Input(amount: null, costNote: null), Context).Costs.ShouldBeNull();
    }

    [Fact]
    public void Status_and_kind_read_their_Dutch_labels_too()
    {
        var a = YearPlanRules.Validate(2027, Input(status: "In voorbereiding", kind: "Cursus"), Context);
        (a.Status, a.Kind).ShouldBe((PlanStatus.Preparing, ActivityKind.Course));
    }

    [Fact]
    public void Codes_sort_as_on_paper()
    {
        string[] codes = ["A10", "B1", "A2", "A1", "E10", "E8"];
        codes.Order(Comparer<string>.Create(YearPlanRules.CompareCodes)).ShouldBe(["A1", "A2", "A10", "B1", "E8", "E10"]);
    }

    [Fact]
    public void The_grid_lays_out_groups_by_quarter_with_totals_cancelled_costing_nothing()
    {
        var b3 = YearPlanRules.Validate(2027, Input(), Context);
        var b10 = YearPlanRules.Validate(2027, Input(code: "B10", quarters: [2], amount: 100m), Context);
        var b2 = YearPlanRules.Validate(2027, Input(code: "B2", quarters: [3], amount: 999m, status: "cancelled"), Context);
        var d2 = YearPlanRules.Validate(2027, Input(code: "D2", team: "WG-OTO", quarters: [1, 2, 3, 4], amount: 4000m), Context);
        var other = YearPlanRules.Validate(2028, Input(code: "A1", team: "WG-PIM"), Context);
        var grid = YearPlanGrid.Build(2027, [b10, d2, b3, b2, other], [("WG-PIM", "Werkgroep PIM"), ("WG-OMGEVINGSZORG", "Werkgroep Omgevingszorg"), ("WG-OTO", "Werkgroep OTO")]);
        grid.Groups.Select(g => g.Team).ShouldBe(["WG-PIM", "WG-OMGEVINGSZORG", "WG-OTO"]);
        grid.Groups[0].Activities.ShouldBeEmpty();
        var omg = grid.Groups[1];
        omg.Activities.Select(a => a.Code).ShouldBe(["B2", "B3", "B10"]);
        omg.Quarters[0].ShouldBe(["B3"]);
        omg.Quarters[1].ShouldBe(["B10"]);
        omg.Quarters[2].ShouldBe(["B2", "B3"]);
        omg.Quarters[3].ShouldBeEmpty();
        omg.Costs.ShouldBe(1350.5m);
        grid.Groups[2].Costs.ShouldBe(4000m);
        grid.Costs.ShouldBe(5350.5m);
    }

    [Fact]
    public void Copying_makes_ideas_of_a_later_year_only()
    {
        var a = YearPlanRules.Validate(2027, Input(status: "done"), Context);
        YearPlanRules.CopyTo(a, 2028).ShouldBe(a with { Year = 2028, Status = PlanStatus.Idea });
        Refused(() => YearPlanRules.ValidateCopy(2027, 2027), YearPlanRefusals.CopyBackwards, "next");
        Refused(() => YearPlanRules.ValidateCopy(2027, 2200), YearPlanRefusals.YearOutOfRange, "next");
    }

    private static (IReadOnlyList<PlanActivity>, IReadOnlyList<PlanRowError>) ReadBack(IReadOnlyList<IReadOnlyList<string?>> rows, IReadOnlyList<string>? header = null)
    {
        var h = header ?? YearPlanCsv.Header;
        return YearPlanCsv.Read(2027, h, rows.Select((r, i) => (i + 2, (Func<string, string?>)(key =>
        {
            var at = h.Select(YearPlanCsv.Key).ToList().IndexOf(key);
            return at >= 0 && at < r.Count ? r[at] : null;
        }))), Context, e => e == "contact@example.org" ? Contact : null);
    }

    [Fact]
    public void Csv_rows_round_trip_including_neutralised_formulas()
    {
        var a = YearPlanRules.Validate(2027, Input(contact: Contact, requirement: "OVD-BZ/OEF-JAAR") with { }, Context);
        var b = YearPlanRules.Validate(2027, Input(code: "D5", title: "=Leerprikkelaar", team: "WG-OTO", amount: null, costNote: null, kind: null,
            status: "idea", quarters: []), Context);
        var rows = new[] { a, b }.Select(x => YearPlanCsv.ToRow(x, id => id == Contact ? "contact@example.org" : null))
            .Select(r => (IReadOnlyList<string?>)r.Select(c => c is { Length: > 0 } && c[0] == '=' ? "'" + c : c).ToList()).ToList();
        rows[0][9].ShouldBe("1250,5");
        rows[0][8].ShouldBe("Q1 Q3");
        var (read, errors) = ReadBack(rows);
        errors.ShouldBeEmpty();
        read.Count.ShouldBe(2);
        read[0].ShouldBeEquivalentTo(a);
        read[1].ShouldBeEquivalentTo(b);
    }

    [Fact]
    public void Csv_rows_with_errors_are_listed_by_line_and_a_code_twice_is_one()
    {
        var good = YearPlanCsv.ToRow(YearPlanRules.Validate(2027, Input(), Context), _ => null);
        IReadOnlyList<string?> WithCell(int i, string? v) => good.Select((c, j) => j == i ? v : c).ToList();
        var (read, errors) = ReadBack([good, WithCell(9, "veel"), WithCell(3, "nobody@example.org"), WithCell(8, "Q7"), good]);
        read.Count.ShouldBe(1);
        errors.Select(e => (e.Line, e.Problem.Code.Code)).ShouldBe([
            (3, "yearplan.csv-number-invalid"), (4, "yearplan.csv-contact-unknown"), (5, "yearplan.quarter-invalid"), (6, "yearplan.csv-code-twice")]);
    }

    [Fact]
    public void A_header_without_the_required_columns_refuses_the_file() =>
        Should.Throw<RuleViolationException>(() => ReadBack([["B3"]], ["Code"])).Code.ShouldBe("yearplan.csv-column-missing");

    [Theory]
    [InlineData("1.250,50", 1250.50)]
    [InlineData("€ 300", 300)]
    [InlineData("1250.5", 1250.5)]
    [InlineData("0", 0)]
    public void Amounts_read_Dutch_and_plain(string text, double expected) =>
        YearPlanCsv.Amount(text).ShouldBe((decimal)expected);
}
