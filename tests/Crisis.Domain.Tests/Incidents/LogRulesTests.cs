using System.Text;
using Crisis.Domain.Incidents;
using static Crisis.Domain.Tests.Incidents.IncidentAssertions;

namespace Crisis.Domain.Tests.Incidents;

public class LogRulesTests
{
    private const string SomeText = "Brand in loods aan de Havenweg";

    /// <summary>The log the new entry is written into: 1 a situation, 2 an action, 3 a decision, 4 an info.</summary>
    private static LogEntryKind? ExistingLog(int seq) => seq switch
    {
        1 => LogEntryKind.Situation,
        2 => LogEntryKind.Action,
        3 => LogEntryKind.Decision,
        4 => LogEntryKind.Info,
        _ => null,
    };

    private static LogEntryDraft Write(
        string? kind = "info",
        string? text = SomeText,
        string? team = null,
        int? correctsSeq = null,
        int? completesSeq = null,
        bool exercise = false,
        bool systemWriter = false) =>
        LogRules.Validate(new AppendEntry(LogRules.ParseKind(kind), text, team, correctsSeq, completesSeq), exercise, systemWriter, ExistingLog, LogTeams.Seeded);

    private const string AllKinds = "info, situation, assessment, decision, action, inject, system";

    private static T Arg<T>(RuleViolationException refusal, string name) => refusal.Phrase[name].ShouldBeOfType<T>();

    private static string KindArg(RuleViolationException refusal) => Arg<Bilingual>(refusal, "kind").English;

    private static string List(RuleViolationException refusal, string name) =>
        string.Join(", ", refusal.Phrase[name].ShouldBeAssignableTo<IEnumerable<string>>()!);

    #region Kind

    public static TheoryData<string, LogEntryKind> WritableWireNames => new()
    {
        { "info", LogEntryKind.Info },
        { "situation", LogEntryKind.Situation },
        { "assessment", LogEntryKind.Assessment },
        { "decision", LogEntryKind.Decision },
        { "action", LogEntryKind.Action },
    };

    [Theory]
    [MemberData(nameof(WritableWireNames))]
    public void Validate_WireNameOfWritableKind_ParsesForAPerson(string wire, LogEntryKind expected) =>
        Write(kind: wire).Kind.ShouldBe(expected);

    [Theory]
    [InlineData("inject", LogEntryKind.Inject)]
    [InlineData("system", LogEntryKind.System)]
    public void Validate_WireNameOfSystemKind_ParsesForCrisisInAnExercise(string wire, LogEntryKind expected) =>
        Write(kind: wire, exercise: true, systemWriter: true).Kind.ShouldBe(expected);

    [Theory]
    [InlineData("upper case", "SITUATION", LogEntryKind.Situation)]
    [InlineData("mixed case", "DeCiSiOn", LogEntryKind.Decision)]
    [InlineData("surrounding spaces", "  action  ", LogEntryKind.Action)]
    [InlineData("tab and newline", "\tassessment\n", LogEntryKind.Assessment)]
    [InlineData("case and spaces together", " Info ", LogEntryKind.Info)]
    public void Validate_KindInOtherCaseOrPadded_Parses(string description, string wire, LogEntryKind expected) =>
        Write(kind: wire).Kind.ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("only spaces", "   ")]
    public void Validate_MissingKind_IsInvalidKindAndListsTheKinds(string description, string? kind)
    {
        var refusal = ShouldBeInvalid(() => Write(kind: kind), "kind", description);
        refusal.Code.ShouldBe(IncidentRefusals.KindMissing.Code, description);
        List(refusal, "kinds").ShouldBe(AllKinds, description);
    }

    [Theory]
    [InlineData("Dutch label instead of wire name", "beeld")]
    [InlineData("Dutch label of info", "melding")]
    [InlineData("plural", "situations")]
    [InlineData("enum number", "1")]
    [InlineData("enum name of a two-word idea", "SituationReport")]
    [InlineData("space inside", "deci sion")]
    public void Validate_UnknownKind_IsInvalidKindAndQuotesIt(string description, string kind)
    {
        var refusal = ShouldBeInvalid(() => Write(kind: kind), "kind", description);
        refusal.Code.ShouldBe(IncidentRefusals.KindUnknown.Code, description);
        Arg<string>(refusal, "kind").ShouldBe(kind, description);
        List(refusal, "kinds").ShouldBe(AllKinds, description);
    }

    [Fact]
    public void Validate_VeryLongUnknownKind_IsQuotedShortened()
    {
        var refusal = ShouldBeInvalid(() => Write(kind: new string('x', 100)), "kind");
        Arg<string>(refusal, "kind").ShouldBe(new string('x', 40) + "…");
    }

    [Fact]
    public void Validate_LongUnknownKindWithEmojiAtCut_QuotesOnlyWholeCharacters()
    {
        // 39 letters, then an emoji whose two UTF-16 halves straddle the 40-character cut.
        var kind = new string('x', 39) + "🔥" + "brand";

        var refusal = ShouldBeInvalid(() => Write(kind: kind), "kind");

        Arg<string>(refusal, "kind").EnumerateRunes().ShouldNotContain(Rune.ReplacementChar);
    }

    [Fact]
    public void Validate_InjectOnRealIncident_IsInvalidKindEvenFromCrisisItself()
    {
        var refusal = ShouldBeInvalid(() => Write(kind: "inject", exercise: false, systemWriter: true), "kind");
        refusal.Code.ShouldBe(IncidentRefusals.InjectOnRealIncident.Code);
    }

    [Fact]
    public void Validate_InjectByPersonInExercise_IsInvalidKind()
    {
        var refusal = ShouldBeInvalid(() => Write(kind: "inject", exercise: true, systemWriter: false), "kind");
        refusal.Code.ShouldBe(IncidentRefusals.KindWrittenByCrisis.Code);
        KindArg(refusal).ShouldBe("inject");
    }

    [Theory]
    [InlineData("real incident", false)]
    [InlineData("exercise", true)]
    public void Validate_SystemByPerson_IsInvalidKind(string description, bool exercise)
    {
        var refusal = ShouldBeInvalid(() => Write(kind: "system", exercise: exercise, systemWriter: false), "kind", description);
        refusal.Code.ShouldBe(IncidentRefusals.KindWrittenByCrisis.Code, description);
        KindArg(refusal).ShouldBe("system", description);
    }

    [Fact]
    public void Validate_SystemByCrisisOnRealIncident_IsAccepted() =>
        Write(kind: "system", exercise: false, systemWriter: true).Kind.ShouldBe(LogEntryKind.System);

    [Theory]
    [InlineData("info", LogEntryKind.Info)]
    [InlineData("situation", LogEntryKind.Situation)]
    [InlineData("action", LogEntryKind.Action)]
    public void Validate_WritableKindByCrisisItself_IsAccepted(string wire, LogEntryKind expected) =>
        Write(kind: wire, systemWriter: true).Kind.ShouldBe(expected);

    #endregion

    #region Text

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("spaces", "    ")]
    [InlineData("tabs and newlines", "\t\r\n \n")]
    public void Validate_EmptyText_IsInvalidText(string description, string? text) =>
        ShouldBeInvalid(() => Write(text: text), "text", description).Code.ShouldBe(IncidentRefusals.TextEmpty.Code, description);

    [Fact]
    public void Validate_TextOf4000Characters_IsAccepted() =>
        Write(text: new string('a', 4000)).Text.Length.ShouldBe(4000);

    [Fact]
    public void Validate_TextOf4000CharactersWithSurroundingSpace_IsAcceptedAndTrimmed()
    {
        var draft = Write(text: "   " + new string('a', 4000) + "\n\n");
        draft.Text.Length.ShouldBe(4000);
        draft.Text[0].ShouldBe('a');
        draft.Text[^1].ShouldBe('a');
    }

    [Fact]
    public void Validate_TextOf4001Characters_IsInvalidTextAndNamesBothLengths()
    {
        var refusal = ShouldBeInvalid(() => Write(text: new string('a', 4001)), "text");
        refusal.Code.ShouldBe(IncidentRefusals.TextTooLong.Code);
        Arg<int>(refusal, "length").ShouldBe(4001);
        Arg<int>(refusal, "max").ShouldBe(4000);
    }

    [Fact]
    public void Validate_SingleCharacter_IsAccepted() =>
        Write(text: " x ").Text.ShouldBe("x");

    [Theory]
    [InlineData("spaces", "  Weg afgesloten  ", "Weg afgesloten")]
    [InlineData("tabs and newlines", "\t\nWeg afgesloten\r\n", "Weg afgesloten")]
    [InlineData("inner white space kept", " Weg  afgesloten\nbij de brug ", "Weg  afgesloten\nbij de brug")]
    public void Validate_TextWithSurroundingWhiteSpace_IsTrimmed(string description, string text, string expected) =>
        Write(text: text).Text.ShouldBe(expected, description);

    [Fact]
    public void ValidateText_TrimmedText_IsReturned() =>
        LogRules.ValidateText("  Ontruiming gestart ").ShouldBe("Ontruiming gestart");

    #endregion

    #region Team

    [Theory]
    [InlineData("lower case", "pim", "PIM")]
    [InlineData("canonical", "PIM", "PIM")]
    [InlineData("today's spelling", "Omgevingszorg", "OMGEVINGSZORG")]
    [InlineData("code", "OMGEVINGSZORG", "OMGEVINGSZORG")]
    [InlineData("lower case with spaces", "  ondersteuning ", "ONDERSTEUNING")]
    [InlineData("mixed case", "oMgEvInGsZoRg", "OMGEVINGSZORG")]
    public void Validate_KnownTeamInAnyCase_IsStoredByItsCode(string description, string team, string expected) =>
        Write(team: team).Team.ShouldBe(expected, description);

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("spaces", "  ")]
    public void Validate_NoTeam_IsForTheColumn(string description, string? team) =>
        Write(team: team).Team.ShouldBeNull(description);

    [Theory]
    [InlineData("another column", "Brandweer")]
    [InlineData("the column's own label is not a team", "Algemeen")]
    [InlineData("typo", "PIMM")]
    [InlineData("abbreviation", "OZ")]
    public void Validate_UnknownTeam_IsInvalidTeamAndListsTheTeams(string description, string team)
    {
        var refusal = ShouldBeInvalid(() => Write(team: team), "team", description);
        refusal.Code.ShouldBe(IncidentRefusals.TeamUnknown.Code, description);
        Arg<string>(refusal, "team").ShouldBe(team, description);
        List(refusal, "teams").ShouldBe("PIM, OMGEVINGSZORG, ONDERSTEUNING", description);
    }

    [Fact]
    public void Validate_TaskTeamTheRegionAdded_IsAcceptedByItsCode()
    {
        var teams = LogTeams.Of(["PIM", "OMGEVINGSZORG", "ONDERSTEUNING", "NAFASE"]);

        LogRules.Validate(new AppendEntry(LogEntryKind.Info, SomeText, " nafase"), false, false, ExistingLog, teams).Team.ShouldBe("NAFASE");
    }

    [Fact]
    public void Validate_TeamTheRegionDoesNotHave_IsRefusedListingTheTeamsItHas()
    {
        var teams = LogTeams.Of(["PIM"]);

        var refusal = ShouldBeInvalid(
            () => LogRules.Validate(new AppendEntry(LogEntryKind.Info, SomeText, "Ondersteuning"), false, false, ExistingLog, teams), "team");
        refusal.Code.ShouldBe(IncidentRefusals.TeamUnknown.Code);
        List(refusal, "teams").ShouldBe("PIM");
    }

    #endregion

    #region Corrections and completions

    [Theory]
    [InlineData("a situation", 1)]
    [InlineData("an action", 2)]
    [InlineData("an info", 4)]
    public void Validate_CorrectsSeqOfExistingEntry_IsKept(string description, int seq) =>
        Write(correctsSeq: seq).CorrectsSeq.ShouldBe(seq, description);

    [Theory]
    [InlineData("beyond the end of the log", 5)]
    [InlineData("far beyond", 99)]
    [InlineData("zero", 0)]
    [InlineData("negative", -1)]
    public void Validate_CorrectsSeqOfMissingEntry_IsInvalidCorrectsSeq(string description, int seq)
    {
        var refusal = ShouldBeInvalid(() => Write(correctsSeq: seq), "correctsSeq", description);
        refusal.Code.ShouldBe(IncidentRefusals.CorrectedEntryUnknown.Code, description);
        Arg<int>(refusal, "seq").ShouldBe(seq, description);
    }

    [Fact]
    public void Validate_CompletesSeqOfAction_IsKept() =>
        Write(completesSeq: 2).CompletesSeq.ShouldBe(2);

    [Theory]
    [InlineData("a situation", 1, "situation")]
    [InlineData("a decision", 3, "decision")]
    [InlineData("an info", 4, "info")]
    public void Validate_CompletesSeqOfNonAction_IsInvalidCompletesSeqAndNamesItsKind(string description, int seq, string kind)
    {
        var refusal = ShouldBeInvalid(() => Write(completesSeq: seq), "completesSeq", description);
        refusal.Code.ShouldBe(IncidentRefusals.CompletedEntryNotAnAction.Code, description);
        Arg<int>(refusal, "seq").ShouldBe(seq, description);
        KindArg(refusal).ShouldBe(kind, description);
    }

    [Theory]
    [InlineData("beyond the end of the log", 5)]
    [InlineData("zero", 0)]
    public void Validate_CompletesSeqOfMissingEntry_IsInvalidCompletesSeq(string description, int seq)
    {
        var refusal = ShouldBeInvalid(() => Write(completesSeq: seq), "completesSeq", description);
        refusal.Code.ShouldBe(IncidentRefusals.CompletedEntryUnknown.Code, description);
        Arg<int>(refusal, "seq").ShouldBe(seq, description);
    }

    [Fact]
    public void Validate_NoSeqs_LeavesBothNull()
    {
        var draft = Write();
        draft.CorrectsSeq.ShouldBeNull();
        draft.CompletesSeq.ShouldBeNull();
    }

    [Fact]
    public void Validate_EverythingGiven_ReturnsTheCleanedDraft() =>
        Write(kind: " Action ", text: "  Bel de burgemeester \n", team: "pim", correctsSeq: 1, completesSeq: 2)
            .ShouldBe(new LogEntryDraft(LogEntryKind.Action, "Bel de burgemeester", "PIM", 1, 2));

    #endregion

    #region Incident fields

    [Fact]
    public void ValidateTitle_PaddedTitle_IsTrimmed() =>
        LogRules.ValidateTitle("  Brand in loods ").ShouldBe("Brand in loods");

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("spaces", "   ")]
    public void ValidateTitle_MissingTitle_IsInvalidTitle(string description, string? title) =>
        ShouldBeInvalid(() => LogRules.ValidateTitle(title), "title", description).Code.ShouldBe(IncidentRefusals.TitleMissing.Code, description);

    [Fact]
    public void ValidateTitle_200Characters_IsAccepted() =>
        LogRules.ValidateTitle(new string('t', 200)).Length.ShouldBe(200);

    [Fact]
    public void ValidateTitle_201Characters_IsInvalidTitleAndNamesTheLength()
    {
        var refusal = ShouldBeInvalid(() => LogRules.ValidateTitle(new string('t', 201)), "title");
        refusal.Code.ShouldBe(IncidentRefusals.TitleTooLong.Code);
        Arg<int>(refusal, "length").ShouldBe(201);
    }

    [Theory]
    [InlineData("null", null)]
    [InlineData("empty", "")]
    [InlineData("spaces", "  \t")]
    public void ValidateMunicipality_Missing_IsNull(string description, string? municipality) =>
        LogRules.ValidateMunicipality(municipality).ShouldBeNull(description);

    [Fact]
    public void ValidateMunicipality_Padded_IsTrimmed() =>
        LogRules.ValidateMunicipality(" Utrechtse Heuvelrug ").ShouldBe("Utrechtse Heuvelrug");

    [Fact]
    public void ValidateMunicipality_100Characters_IsAccepted() =>
        LogRules.ValidateMunicipality(new string('m', 100))!.Length.ShouldBe(100);

    [Fact]
    public void ValidateMunicipality_101Characters_IsInvalidMunicipality()
    {
        var refusal = ShouldBeInvalid(() => LogRules.ValidateMunicipality(new string('m', 101)), "municipality");
        refusal.Code.ShouldBe(IncidentRefusals.MunicipalityTooLong.Code);
        Arg<int>(refusal, "length").ShouldBe(101);
    }

    [Fact]
    public void NewIncident_WithoutGrip_IsNoGrip() =>
        LogRules.ValidateGrip(new NewIncident("Brand in loods").Grip).ShouldBe(0);

    [Fact]
    public void ValidateGrip_OutsideZeroToFive_NamesTheFieldItCameFrom() =>
        ShouldBeInvalid(() => LogRules.ValidateGrip(6, "level"), "level").Code.ShouldBe(IncidentRefusals.GripUnknown.Code);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void ValidateGrip_ZeroToFive_IsAccepted(int level) =>
        LogRules.ValidateGrip(level).ShouldBe(level);

    [Theory]
    [InlineData("just below", -1)]
    [InlineData("just above", 6)]
    [InlineData("far below", int.MinValue)]
    [InlineData("far above", int.MaxValue)]
    public void ValidateGrip_OutsideZeroToFive_IsInvalidGrip(string description, int level)
    {
        var refusal = ShouldBeInvalid(() => LogRules.ValidateGrip(level), "grip", description);
        refusal.Code.ShouldBe(IncidentRefusals.GripUnknown.Code, description);
        Arg<int>(refusal, "level").ShouldBe(level, description);
    }

    #endregion
}
