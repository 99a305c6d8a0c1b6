using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Checking a new requirement (POST /api/paspoort/requirements).</summary>
public class RequirementRulesTests
{
    private static Requirement Validate(
        string? function = "OVD-BZ", string? code = "OVD-COPI", string? name = "COPI-oefening", string? kind = "exercise",
        int? months = 24, int? count = null, IReadOnlyCollection<Requirement>? existing = null) =>
        RequirementRules.Validate(function, code, name, ActivityKinds.ParseOptional(kind, "kind"), months, count, Functions, existing ?? DefaultRequirements.All);

    [Fact]
    public void Validate_GoodRequest_ReturnsNormalisedRequirement() =>
        Validate(function: " ovd-bz ", code: " ovd-copi ", name: "  COPI-oefening ").ShouldBe(
            new Requirement("OVD-BZ", "OVD-COPI", "COPI-oefening", ActivityKind.Exercise, 24, 1));

    [Fact]
    public void Validate_NoValidity_IsOnceOnly()
    {
        var requirement = Validate(kind: "course", months: null);
        requirement.ValidForMonths.ShouldBeNull();
        requirement.OnceOnly.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(120)]
    public void Validate_ValidityAtTheLimits_IsAccepted(int months) =>
        Validate(months: months).ValidForMonths.ShouldBe(months);

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(121)]
    public void Validate_ValidityOutOfRange_IsInvalid(int months) =>
        ShouldViolate(() => Validate(months: months), ViolationKind.Invalid, "validForMonths");

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    public void Validate_MinimumCountAtTheLimits_IsAccepted(int count) =>
        Validate(count: count).MinimumCount.ShouldBe(count);

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(51)]
    public void Validate_MinimumCountOutOfRange_IsInvalid(int count) =>
        ShouldViolate(() => Validate(count: count), ViolationKind.Invalid, "minimumCount");

    [Theory]
    [InlineData("ovd-basis", "OVD-BASIS")]
    [InlineData("A1", "A1")]
    [InlineData("LCMS2", "LCMS2")]
    [InlineData("ABCDEFGHIJ-KLMNOPQRST-UVWXYZ-123", "ABCDEFGHIJ-KLMNOPQRST-UVWXYZ-123")]
    public void ValidateCode_SaneCodes_AreUpperCased(string code, string expected) =>
        RequirementRules.ValidateCode(code).ShouldBe(expected);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "white space")]
    [InlineData("A", "too short")]
    [InlineData("ABCDEFGHIJ-KLMNOPQRST-UVWXYZ-1234", "33 characters")]
    [InlineData("OVD BASIS", "space inside")]
    [InlineData("OVD_BASIS", "underscore")]
    [InlineData("OVD--BASIS", "double dash")]
    [InlineData("-OVD", "leading dash")]
    [InlineData("OVD-", "trailing dash")]
    [InlineData("ÖVD-BASIS", "non-ASCII letter")]
    [InlineData("lcms-traınıng", "dotless i that upper-cases to ASCII I")]
    [InlineData("OVD\u212ABASIS", "Kelvin sign")]
    public void ValidateCode_BadCodes_AreInvalid(string code, string description)
    {
        _ = description;
        ShouldViolate(() => RequirementRules.ValidateCode(code), ViolationKind.Invalid, "code");
    }

    [Fact]
    public void Validate_NoCode_IsInvalidOnCode() =>
        ShouldViolate(() => Validate(code: null), ViolationKind.Invalid, "code");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Validate_NoFunction_IsInvalid(string? function) =>
        ShouldViolate(() => Validate(function: function), ViolationKind.Invalid, "function");

    [Fact]
    public void Validate_UnknownFunction_IsInvalid()
    {
        var ex = ShouldViolate(() => Validate(function: "BRANDWEER"), ViolationKind.Invalid, "function");
        ex.Code.ShouldBe(PaspoortRuleRefusals.FunctionUnknown.Code);
        ex.Phrase["function"].ShouldBe("BRANDWEER");
        ((IEnumerable<string>)ex.Phrase["functions"]!).ShouldContain("OVD-BZ");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoName_IsInvalid(string? name) =>
        ShouldViolate(() => Validate(name: name), ViolationKind.Invalid, "name");

    [Fact]
    public void Validate_NameOf201Characters_IsInvalid() =>
        ShouldViolate(() => Validate(name: new string('x', 201)), ViolationKind.Invalid, "name");

    [Theory]
    [InlineData("oefenen")]
    [InlineData(null)]
    public void Validate_UnknownKind_IsInvalid(string? kind) =>
        ShouldViolate(() => Validate(kind: kind), ViolationKind.Invalid, "kind");

    [Fact]
    public void Validate_CodeTheFunctionAlreadyHas_IsAConflict() =>
        ShouldViolate(() => Validate(code: "ovd-oefening"), ViolationKind.Conflict);

    [Fact]
    public void Validate_SharedCodeOfTheSameKindInAnotherFunction_IsAccepted() =>
        Validate(function: "HOOFD-NAFASE", code: "LCMS-TRAINING", kind: "training").Code.ShouldBe("LCMS-TRAINING");

    [Fact]
    public void Validate_SharedCodeOfAnotherKind_IsInvalid() =>
        ShouldViolate(() => Validate(function: "HOOFD-NAFASE", code: "LCMS-TRAINING", kind: "course"), ViolationKind.Invalid, "code");
}

/// <summary>The catalogue a new region starts with.</summary>
public class DefaultRequirementsTests
{
    [Fact]
    public void All_PassTheRulesCoordinatorsMustFollow()
    {
        var known = DefaultRequirements.Functions.Select(f => f.Code).ToList();
        var accepted = new List<Requirement>();
        foreach (var r in DefaultRequirements.All)
        {
            // Adding them one by one as a coordinator would: every code sane, unique per function, one kind per code.
            var validated = RequirementRules.Validate(
                r.Function, r.Code, r.Name, r.Kind, r.ValidForMonths, r.MinimumCount, known, accepted);
            validated.ShouldBe(r);
            accepted.Add(validated);
        }
    }

    [Fact]
    public void All_CoverEveryKeyFunction()
    {
        DefaultRequirements.All.Select(r => r.Function).Distinct()
            .ShouldBe(DefaultRequirements.Functions.Select(f => f.Code), ignoreOrder: true);
        DefaultRequirements.Functions.Select(f => f.Code).ShouldBe(
            ["OVD-BZ", "AC-BZ", "HIN", "HOOFD-PUBLIEKE-ZORG", "HOOFD-OMGEVINGSZORG", "HOOFD-ONDERSTEUNING", "HOOFD-NAFASE"]);
    }

    [Fact]
    public void All_EveryFunctionHasBothTracks()
    {
        foreach (var function in DefaultRequirements.Functions)
        {
            var requirements = DefaultRequirements.For(function.Code);
            requirements.ShouldContain(r => r.Kind == ActivityKind.Course && r.OnceOnly, $"{function.Code}: becoming qualified");
            requirements.ShouldContain(r => r.Kind == ActivityKind.Exercise && !r.OnceOnly, $"{function.Code}: staying qualified");
        }
    }

    [Fact]
    public void For_OvdBz_IsTheExampleOfTheDomain()
    {
        var ovd = DefaultRequirements.For("ovd-bz");
        ovd.ShouldContain(new Requirement("OVD-BZ", "OVD-BASIS", "Basisopleiding OvD-BZ", ActivityKind.Course, null));
        ovd.ShouldContain(r => r.Kind == ActivityKind.Exercise && r.ValidForMonths == 12 && r.MinimumCount == 1);
        ovd.ShouldContain(r => r.Code == DefaultRequirements.LcmsTraining && r.Kind == ActivityKind.Training && r.ValidForMonths == 24);
    }

    [Fact]
    public void For_UnknownFunction_IsEmpty() =>
        DefaultRequirements.For("BRANDWEER").ShouldBeEmpty();

    [Fact]
    public void All_OneLcmsTraining_CountsForEveryFunctionThatAsksForIt()
    {
        var lcms = Record(Date(2026, 1, 10), code: DefaultRequirements.LcmsTraining, kind: ActivityKind.Training);
        var functionsWithLcms = DefaultRequirements.All.Where(r => r.Code == DefaultRequirements.LcmsTraining).ToList();
        functionsWithLcms.Select(r => r.Function).ShouldBe(["OVD-BZ", "AC-BZ", "HIN"]);
        foreach (var requirement in functionsWithLcms)
        {
            Qualification.Evaluate(requirement, Person, [lcms], Date(2026, 2, 1)).Status.ShouldBe(PaspoortStatus.Current, requirement.Function);
        }
    }
}

/// <summary>The API's wire names and the UI's Dutch labels.</summary>
public class PaspoortWireNameTests
{
    [Fact]
    public void ActivityKinds_WireNamesAndLabels()
    {
        ActivityKinds.WireNames.ShouldBe(["course", "training", "exercise", "deployment"]);
        Enum.GetValues<ActivityKind>().Select(k => k.ToDutch()).ShouldBe(["Cursus", "Training", "Oefening", "Inzet"]);
    }

    [Fact]
    public void PaspoortStatuses_WireNamesAreTheContracts() =>
        PaspoortStatuses.WireNames.ShouldBe(["current", "expiring", "expired", "missing"]);

    [Fact]
    public void RecordResults_WireNames() =>
        RecordResults.WireNames.ShouldBe(["passed", "failed", "attended"]);

    [Fact]
    public void RecordStatuses_WireNames() =>
        RecordStatuses.WireNames.ShouldBe(["draft", "confirmed", "void"]);

    [Fact]
    public void TryParse_RoundTripsEveryValue()
    {
        foreach (var kind in Enum.GetValues<ActivityKind>())
        {
            ActivityKinds.TryParse(kind.ToWire().ToUpperInvariant(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(kind);
        }
        foreach (var status in Enum.GetValues<PaspoortStatus>())
        {
            PaspoortStatuses.TryParse(status.ToWire(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(status);
        }
        foreach (var result in Enum.GetValues<RecordResult>())
        {
            RecordResults.TryParse(result.ToWire(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(result);
        }
        foreach (var status in Enum.GetValues<RecordStatus>())
        {
            RecordStatuses.TryParse(status.ToWire(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(status);
        }
    }

    [Fact]
    public void TryParse_UnknownName_IsFalse()
    {
        ActivityKinds.TryParse("inzet", out _).ShouldBeFalse();
        PaspoortStatuses.TryParse("ok", out _).ShouldBeFalse();
        RecordResults.TryParse(null, out _).ShouldBeFalse();
        RecordStatuses.TryParse("", out _).ShouldBeFalse();
    }
}
