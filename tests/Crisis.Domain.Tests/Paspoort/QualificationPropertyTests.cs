using Crisis.Domain.Paspoort;
using CsCheck;
using NodaTime;
using static Crisis.Domain.Tests.Paspoort.Build;

namespace Crisis.Domain.Tests.Paspoort;

/// <summary>Properties of the status rules over generated record sets.</summary>
public class QualificationPropertyTests
{
    private const int Iterations = 400;
    private static readonly LocalDate Epoch = new(2020, 1, 1);

    // Mostly counting records, with failed ones, drafts and records for another requirement mixed in, so the
    // filters are exercised as well as the arithmetic. Day offsets hit every day of the month, month ends included.
    private static readonly Gen<PaspoortRecord> GenRecord =
        Gen.Select(Gen.Int[0, 6 * 365], Gen.Int[0, 9], Gen.Guid, (offset, roll, id) => roll switch
        {
            0 => Record(Epoch.PlusDays(offset), id: id, result: RecordResult.Failed),
            1 => Record(Epoch.PlusDays(offset), id: id, status: RecordStatus.Draft),
            2 => Record(Epoch.PlusDays(offset), id: id, code: "LCMS-TRAINING", kind: ActivityKind.Training),
            3 => Record(Epoch.PlusDays(offset), id: id, result: RecordResult.Passed),
            _ => Record(Epoch.PlusDays(offset), id: id),
        });

    private static readonly Gen<Requirement> GenRequirement =
        Gen.Select(Gen.Int[1, 36], Gen.Int[1, 3], Gen.Int[0, 5], (months, count, onceRoll) =>
            Requirement(months: onceRoll == 0 ? null : months, count: count));

    private static readonly Gen<(PaspoortRecord[] Records, Requirement Requirement, LocalDate At)> GenCase =
        Gen.Select(GenRecord.Array[0, 8], GenRequirement, Gen.Int[0, 9 * 365],
            (records, requirement, at) => (records, requirement, Epoch.PlusDays(at)));

    /// <summary>Worse is higher: the enum is declared from best to worst (see <see cref="PaspoortStatuses.Worst"/>).</summary>
    private static int Rank(PaspoortStatus status) => (int)status;

    [Fact]
    public void Evaluate_AgreesWithCountingValidRecordsDayByDay()
    {
        // The oracle is the definition itself: the requirement is met on day D when at least K counting records
        // dated on or before the day of evaluation are valid on D (record date through date + N months).
        GenCase.Sample((records, requirement, at) =>
        {
            var actual = Qualification.Evaluate(requirement, Person, records, at);
            var counting = records
                .Where(r => r.Status == RecordStatus.Confirmed && r.Result != RecordResult.Failed
                    && r.RequirementCode == requirement.Code && r.Date <= at)
                .ToList();
            var k = requirement.MinimumCount;

            if (requirement.ValidForMonths is not { } months)
            {
                actual.Status.ShouldBe(counting.Count >= k ? PaspoortStatus.Current : PaspoortStatus.Missing);
                actual.ValidUntil.ShouldBeNull();
                return;
            }

            LocalDate? lastMet = null;
            for (var day = Epoch; day <= at.PlusMonths(months); day = day.PlusDays(1))
            {
                if (counting.Count(r => r.Date <= day && day <= r.Date.PlusMonths(months)) >= k)
                {
                    lastMet = day;
                }
            }
            var expected = lastMet is not { } last ? PaspoortStatus.Missing
                : last < at ? PaspoortStatus.Expired
                : Period.DaysBetween(at, last) <= Qualification.ExpiringWindowDays ? PaspoortStatus.Expiring
                : PaspoortStatus.Current;
            actual.Status.ShouldBe(expected);
            actual.ValidUntil.ShouldBe(lastMet);
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_WithoutNewRecords_NeverImprovesOverTime()
    {
        // Once all records lie in the past, time only moves a status from current to expiring to expired;
        // expired stays expired and missing stays missing.
        Gen.Select(GenCase, Gen.Int[0, 3 * 365], Gen.Int[0, 3 * 365]).Sample((c, first, more) =>
        {
            var start = c.Records.Select(r => r.Date).DefaultIfEmpty(Epoch).Max().PlusDays(first);
            var earlier = Qualification.Evaluate(c.Requirement, Person, c.Records, start);
            var later = Qualification.Evaluate(c.Requirement, Person, c.Records, start.PlusDays(more));
            Rank(later.Status).ShouldBeGreaterThanOrEqualTo(Rank(earlier.Status));
            if (!earlier.Status.IsQualified())
            {
                later.Status.ShouldBe(earlier.Status);
                later.ValidUntil.ShouldBe(earlier.ValidUntil);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_AddingACountingRecord_NeverMakesItWorse()
    {
        Gen.Select(GenCase, Gen.Int[0, 9 * 365]).Sample((c, offset) =>
        {
            var before = Qualification.Evaluate(c.Requirement, Person, c.Records, c.At);
            var added = Record(Epoch.PlusDays(offset));
            var after = Qualification.Evaluate(c.Requirement, Person, [.. c.Records, added], c.At);
            Rank(after.Status).ShouldBeLessThanOrEqualTo(Rank(before.Status));
            if (before.Status.IsQualified() && before.ValidUntil is { } until)
            {
                after.ValidUntil.ShouldNotBeNull();
                after.ValidUntil.Value.ShouldBeGreaterThanOrEqualTo(until);
            }
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_VoidingARecord_NeverMakesItBetter()
    {
        Gen.Select(GenCase, Gen.Int[0, 100]).Where((c, _) => c.Records.Length > 0).Sample((c, pick) =>
        {
            var target = c.Records[pick % c.Records.Length];
            var before = Qualification.Evaluate(c.Requirement, Person, c.Records, c.At);
            var withdrawal = Record(target.Date, status: RecordStatus.Void, voids: target.Id);
            var after = Qualification.Evaluate(c.Requirement, Person, [.. c.Records, withdrawal], c.At);
            Rank(after.Status).ShouldBeGreaterThanOrEqualTo(Rank(before.Status));
            after.Evidence.ShouldNotContain(target.Id);
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_OrderOfRecords_DoesNotMatter()
    {
        GenCase.Sample((records, requirement, at) =>
        {
            var forward = Qualification.Evaluate(requirement, Person, records, at);
            var backward = Qualification.Evaluate(requirement, Person, records.Reverse().ToArray(), at);
            backward.Status.ShouldBe(forward.Status);
            backward.ValidUntil.ShouldBe(forward.ValidUntil);
            backward.Evidence.ToHashSet().SetEquals(forward.Evidence).ShouldBeTrue();
        }, iter: Iterations);
    }
}
