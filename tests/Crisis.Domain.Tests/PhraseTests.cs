namespace Crisis.Domain.Tests;

/// <summary>Refusals and notices as data: a stable code, its kind, its field and its named arguments.</summary>
public class PhraseTests
{
    private static readonly RefusalCode Skipped = new("test.skipped-time", ViolationKind.Invalid);
    private static readonly RefusalCode Closed = new("test.closed", ViolationKind.Conflict);
    private static readonly NoticeCode Warning = new("test.warning");

    [Fact]
    public void RaiseFor_KeepsKindCodeFieldAndArguments()
    {
        var refusal = Skipped.RaiseFor("start", ("date", "2026-03-29"), ("from", "02:00"));

        refusal.Kind.ShouldBe(ViolationKind.Invalid);
        refusal.Code.ShouldBe("test.skipped-time");
        refusal.Field.ShouldBe("start");
        refusal.Phrase["date"].ShouldBe("2026-03-29");
        refusal.Phrase["from"].ShouldBe("02:00");
    }

    [Fact]
    public void Raise_WithoutField_HasNoFieldAndTheCodesKind()
    {
        var refusal = Closed.Raise();

        refusal.Kind.ShouldBe(ViolationKind.Conflict);
        refusal.Field.ShouldBeNull();
        refusal.Phrase.Args.ShouldBeEmpty();
    }

    [Fact]
    public void Indexer_UnknownArgument_IsNull() =>
        Warning.With(("name", "Linda Mulder"))["function"].ShouldBeNull();

    [Fact]
    public void Message_IsTheCodeAndArguments_NeverASentence() =>
        Skipped.Raise(("date", "2026-03-29")).Message.ShouldBe("test.skipped-time {date=2026-03-29}");
}
