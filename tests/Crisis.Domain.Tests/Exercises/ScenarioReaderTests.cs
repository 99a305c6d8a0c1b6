using Crisis.Domain.Exercises;
using NodaTime;

namespace Crisis.Domain.Tests.Exercises;

public class ScenarioReaderTests
{
    private const string Valid = """
        schema: crisis.exercise/v1
        title: "Test"
        type: tabletop
        scenarioStart: 2026-11-17T08:15:00
        durationMinutes: 60
        objectives: [{id: O1, text: "Beeld", criteria: ["Een beeld"]}]
        participants: {functions: [OVD-BZ], teams: [PIM]}
        alerting: [{function: OVD-BZ, message: "Kom"}]
        injects:
          - id: I01
            at: "00:10"
            from: "Servicedesk"
            to: {function: ovd-bz}
            method: phone
            title: "Storing"
            message: "Alles zwart"
            expectedActions: [{id: E1, text: "Beeld", by: OVD-BZ, withinMinutes: 20, objective: O1}]
            controlNotes: "Geheim"
            contingency: {ifMissed: E1, inject: C01}
          - id: C01
            contingencyOnly: true
            to: {team: pim}
            title: "Nogmaals"
            message: "Waar blijft het?"
        """;

    [Fact]
    public void ValidFile_ReadsEveryField()
    {
        var file = ScenarioReader.Read("test", "test.yaml", Valid);
        file.Problems.ShouldBeEmpty();
        var s = file.Scenario!;
        (s.Title, s.Type, s.DurationMinutes, s.ScenarioStart).ShouldBe(("Test", ScenarioType.Tabletop, 60, (LocalDateTime?)new LocalDateTime(2026, 11, 17, 8, 15)));
        s.Injects.Select(i => (i.Id, i.At, i.To.Code)).ShouldBe([("I01", (Duration?)Duration.FromMinutes(10), "OVD-BZ"), ("C01", null, "PIM")]);
        s.Injects[0].Contingency.ShouldBe(new Contingency("E1", "C01"));
        s.Injects[0].ExpectedActions.ShouldHaveSingleItem().WithinMinutes.ShouldBe(20);
        s.Alerting.ShouldHaveSingleItem().Function.ShouldBe("OVD-BZ");
        s.Participants.Teams.ShouldBe(["PIM"]);
    }

    public static TheoryData<string, string, string, int, string> Broken => new()
    {
        { "schema missing", "schema: crisis.exercise/v1\n", "", 1, "exercises.scenario-field-missing|schema" },
        { "schema unknown", "schema: crisis.exercise/v1", "schema: crisis.exercise/v2", 1, "exercises.scenario-schema-unknown|schema" },
        { "title missing", "title: \"Test\"\n", "", 1, "exercises.scenario-field-missing|title" },
        { "type unknown", "type: tabletop", "type: tafel", 3, "exercises.scenario-value-unknown|type" },
        { "scenarioStart", "2026-11-17T08:15:00", "17-11-2026 08:15", 4, "exercises.scenario-date-time-invalid|scenarioStart" },
        { "duration zero", "durationMinutes: 60", "durationMinutes: 0", 5, "exercises.scenario-number-out-of-range|durationMinutes" },
        { "duration text", "durationMinutes: 60", "durationMinutes: lang", 5, "exercises.scenario-wrong-shape|durationMinutes" },
        { "unknown key", "title: \"Test\"", "title: \"Test\"\ntitel: \"Typo\"", 3, "exercises.scenario-field-unknown|titel" },
        { "objective id duplicate", "[{id: O1, text: \"Beeld\", criteria: [\"Een beeld\"]}]", "[{id: O1, text: a}, {id: O1, text: b}]", 6, "exercises.scenario-id-duplicate|objectives[1].id" },
        { "participants team", "teams: [PIM]", "teams: [BRANDWEER]", 7, "exercises.scenario-team-unknown|participants.teams[0]" },
        { "alert message", "alerting: [{function: OVD-BZ, message: \"Kom\"}]", "alerting: [{function: OVD-BZ}]", 8, "exercises.scenario-field-missing|alerting[0].message" },
        { "at invalid", "at: \"00:10\"", "at: \"10 min\"", 11, "exercises.scenario-time-invalid|injects[0].at" },
        { "at missing", "    at: \"00:10\"\n", "", 10, "exercises.scenario-field-missing|injects[0].at" },
        { "at after end", "at: \"00:10\"", "at: \"02:00\"", 11, "exercises.scenario-at-after-end|injects[0].at" },
        { "to both", "to: {function: ovd-bz}", "to: {function: ovd-bz, team: PIM}", 13, "exercises.scenario-address-invalid|injects[0].to" },
        { "to team unknown", "to: {team: pim}", "to: {team: politie}", 22, "exercises.scenario-team-unknown|injects[1].to.team" },
        { "method unknown", "method: phone", "method: fax", 14, "exercises.scenario-value-unknown|injects[0].method" },
        { "title missing inject", "    title: \"Storing\"\n", "", 10, "exercises.scenario-field-missing|injects[0].title" },
        { "withinMinutes", "withinMinutes: 20", "withinMinutes: -5", 17, "exercises.scenario-number-out-of-range|injects[0].expectedActions[0].withinMinutes" },
        { "objective unknown", "objective: O1}", "objective: O9}", 17, "exercises.scenario-reference-unknown|injects[0].expectedActions[0].objective" },
        { "ifMissed unknown", "ifMissed: E1", "ifMissed: E7", 19, "exercises.scenario-reference-unknown|injects[0].contingency.ifMissed" },
        { "contingency inject unknown", "inject: C01}", "inject: C99}", 19, "exercises.scenario-reference-unknown|injects[0].contingency.inject" },
        { "contingency scheduled", "inject: C01}", "inject: I01}", 19, "exercises.scenario-contingency-scheduled|injects[0].contingency.inject" },
        { "at on contingency", "    contingencyOnly: true\n", "    contingencyOnly: true\n    at: \"00:20\"\n", 22, "exercises.scenario-at-on-contingency|injects[1].at" },
        { "inject id duplicate", "  - id: C01", "  - id: I01", 20, "exercises.scenario-id-duplicate|injects[1].id" },
        { "inject id invalid", "  - id: C01", "  - id: \"C 01!\"", 20, "exercises.scenario-id-invalid|injects[1].id" },
        { "injects empty", "injects:\n", "injects: []\nold:\n", 9, "exercises.scenario-no-injects|injects" },
        { "not yaml", "title: \"Test\"", "title: \"Test", 2, "exercises.scenario-yaml-invalid|" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void BrokenFile_NamesLineAndField_AndYieldsNoScenario(string what, string find, string replace, int line, string expected)
    {
        var yaml = Valid.Replace(find, replace, StringComparison.Ordinal);
        yaml.ShouldNotBe(Valid, what);
        var file = ScenarioReader.Read("test", "broken.yaml", yaml);

        file.Scenario.ShouldBeNull(what);
        var parts = expected.Split('|');
        var problem = file.Problems.FirstOrDefault(p => p.Problem.Code.Code == parts[0] && p.Field == parts[1]);
        problem.ShouldNotBeNull($"{what}: {string.Join("; ", file.Problems.Select(p => $"{p.Line} {p.Field} {p.Problem}"))}");
        problem.File.ShouldBe("broken.yaml");
        if (parts[0] != "exercises.scenario-yaml-invalid")
        {
            problem.Line.ShouldBe(line, what);
        }
    }

    [Fact]
    public void ShippedScenarios_AreValid_WithObjectivesEightInjectsExpectedActionsAndAContingency()
    {
        var dir = RepositoryRoot().FullName;
        var files = Directory.GetFiles(Path.Combine(dir, "exercises"), "*.yaml");
        files.Length.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var path in files)
        {
            var file = ScenarioReader.Read(Path.GetFileNameWithoutExtension(path), Path.GetFileName(path), File.ReadAllText(path));
            file.Problems.ShouldBeEmpty(string.Join("; ", file.Problems.Select(p => $"{p.File}:{p.Line} {p.Field} {p.Problem}")));
            var s = file.Scenario!;
            s.Objectives.ShouldNotBeEmpty();
            s.Injects.Count(i => !i.ContingencyOnly).ShouldBeGreaterThanOrEqualTo(8, path);
            s.Injects.ShouldContain(i => i.To.Function != null);
            s.Injects.ShouldContain(i => i.To.Team != null);
            s.ExpectedActions.ShouldNotBeEmpty();
            s.Injects.ShouldContain(i => i.Contingency != null);
        }
    }

    private static DirectoryInfo RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Crisis.sln")))
        {
            dir = dir.Parent;
        }
        return dir ?? throw new InvalidOperationException("Crisis.sln not found above the test's folder.");
    }
}
