using Crisis.Domain.Paspoort;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Which records are voided, and by what: the one answer the dossier, drafts, attendance and corrections share.</summary>
public class VoidsTests
{
    [Fact]
    public void VoidedBy_NamesTheRecordThatCorrectedConfirmedOrWithdrewEachOne()
    {
        var corrected = Record(Date(2026, 1, 10));
        var correction = Record(Date(2026, 1, 11), voids: corrected.Id);
        var draft = Record(Date(2026, 1, 12), status: RecordStatus.Draft);
        var confirmation = Record(Date(2026, 1, 12), voids: draft.Id);
        var wrong = Record(Date(2026, 1, 13));
        var withdrawal = Record(Date(2026, 1, 13), status: RecordStatus.Void, voids: wrong.Id);
        var kept = Record(Date(2026, 1, 14));

        var voidedBy = Voids.VoidedBy([corrected, correction, draft, confirmation, wrong, withdrawal, kept]);

        voidedBy.ShouldBe(new Dictionary<Guid, Guid> { [corrected.Id] = correction.Id, [draft.Id] = confirmation.Id, [wrong.Id] = withdrawal.Id },
            ignoreOrder: true);
        Voids.InForce([corrected, correction, draft, confirmation, wrong, withdrawal, kept]).ShouldBe([correction, confirmation, kept]);
    }

    [Fact]
    public void ARecordNeverVoidsAnotherPersonsRecord()
    {
        var theirs = Record(Date(2026, 1, 10), person: OtherPerson);
        var mine = Record(Date(2026, 1, 11), voids: theirs.Id);

        Voids.VoidedIds([theirs, mine]).ShouldBeEmpty();
        Voids.VoiderOf(theirs.Id, OtherPerson, [theirs, mine]).ShouldBeNull();
    }

    [Fact]
    public void AVoidingRecordKeepsItsEffectWhenItIsVoidedItself()
    {
        var original = Record(Date(2026, 1, 10));
        var correction = Record(Date(2026, 1, 11), voids: original.Id);
        var second = Record(Date(2026, 1, 12), voids: correction.Id);

        Voids.InForce([original, correction, second]).ShouldBe([second]);
        Voids.VoiderOf(original.Id, Person, [original, correction, second]).ShouldBe(correction);
    }
}
