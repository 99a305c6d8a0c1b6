using Crisis.Domain.Roster;
using NodaTime;
using static Crisis.Domain.Tests.Roster.RosterTestData;

namespace Crisis.Domain.Tests.Roster;

public class SwapsTests
{
    private static readonly Shift AnnaWeek = ShiftOf(Anna, "2026-03-23 08:00", "2026-03-30 08:00", origin: ShiftOrigin.Rotation);
    private static readonly Instant Before = At("2026-03-20 12:00");
    private static readonly Instant Later = At("2026-03-21 09:00");

    private static SwapRequest AskBram(Instant? start = null, Instant? end = null) =>
        Swaps.Request(Guid.NewGuid(), AnnaWeek, Anna, Bram, Before, start, end);

    private static IEnumerable<(Guid Person, Instant Start, Instant End)> Pieces(SwapAcceptance acceptance) =>
        acceptance.Replacements.Select(p => (p.PersonId, p.Start, p.End));

    [Fact]
    public void Request_WholeShift_IsOpenForTheWholeShift()
    {
        var request = AskBram();

        request.Status.ShouldBe(SwapStatus.Requested);
        request.IsOpen.ShouldBeTrue();
        (request.Start, request.End).ShouldBe((AnnaWeek.Start, AnnaWeek.End));
        (request.ShiftId, request.Function, request.RequesterId, request.AskedPersonId).ShouldBe((AnnaWeek.Id, OvdBz, Anna, Bram));
        request.RequestedAt.ShouldBe(Before);
        request.DecidedAt.ShouldBeNull();
    }

    [Fact]
    public void Request_ForSomeoneElsesShift_IsForbidden()
    {
        Should.Throw<RuleViolationException>(() => Swaps.Request(Guid.NewGuid(), AnnaWeek, Cor, Bram, Before))
            .Kind.ShouldBe(ViolationKind.Forbidden);
    }

    [Fact]
    public void Request_AskingYourself_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Swaps.Request(Guid.NewGuid(), AnnaWeek, Anna, Anna, Before))
            .Field.ShouldBe("askedPersonId");
    }

    [Fact]
    public void Request_AskingNobody_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() => Swaps.Request(Guid.NewGuid(), AnnaWeek, Anna, Guid.Empty, Before))
            .Field.ShouldBe("askedPersonId");
    }

    [Theory]
    [InlineData("2026-03-23 07:00", "2026-03-24 08:00", "start")]
    [InlineData("2026-03-29 08:00", "2026-03-30 09:00", "end")]
    [InlineData("2026-03-25 08:00", "2026-03-25 08:00", "end")]
    [InlineData("2026-03-25 08:00", "2026-03-24 08:00", "end")]
    public void Request_PartNotWithinTheShift_IsInvalid(string start, string end, string field)
    {
        var error = Should.Throw<RuleViolationException>(() => AskBram(At(start), At(end)));

        error.Kind.ShouldBe(ViolationKind.Invalid);
        error.Field.ShouldBe(field);
    }

    [Fact]
    public void Request_PartThatIsOver_IsInvalid()
    {
        Should.Throw<RuleViolationException>(() =>
            Swaps.Request(Guid.NewGuid(), AnnaWeek, Anna, Bram, At("2026-03-26 08:00"), AnnaWeek.Start, At("2026-03-25 08:00")))
            .Code.ShouldBe(RosterRefusals.SwapPartOver.Code);
    }

    [Fact]
    public void Accept_WholeShift_GivesItToTheAskedPerson()
    {
        var acceptance = Swaps.Accept(AskBram(), AnnaWeek, Bram, Later);

        Pieces(acceptance).ShouldBe([(Bram, AnnaWeek.Start, AnnaWeek.End)]);
        acceptance.Replaced.ShouldBe(AnnaWeek);
        acceptance.Request.Status.ShouldBe(SwapStatus.Accepted);
        acceptance.Request.DecidedAt.ShouldBe(Later);
    }

    [Fact]
    public void Accept_PartInTheMiddle_SplitsTheShiftInThree()
    {
        var acceptance = Swaps.Accept(AskBram(At("2026-03-25 08:00"), At("2026-03-26 08:00")), AnnaWeek, Bram, Later);

        Pieces(acceptance).ShouldBe([
            (Anna, At("2026-03-23 08:00"), At("2026-03-25 08:00")),
            (Bram, At("2026-03-25 08:00"), At("2026-03-26 08:00")),
            (Anna, At("2026-03-26 08:00"), At("2026-03-30 08:00")),
        ]);
        acceptance.Replacements.ShouldAllBe(p => p.Origin == ShiftOrigin.Swap && p.Function == OvdBz);
    }

    [Fact]
    public void Accept_PartAtTheStart_SplitsTheShiftInTwo()
    {
        var acceptance = Swaps.Accept(AskBram(end: At("2026-03-24 08:00")), AnnaWeek, Bram, Later);

        Pieces(acceptance).ShouldBe([
            (Bram, At("2026-03-23 08:00"), At("2026-03-24 08:00")),
            (Anna, At("2026-03-24 08:00"), At("2026-03-30 08:00")),
        ]);
    }

    [Fact]
    public void Accept_PartAtTheEndAcrossSummerTime_KeepsExactHours()
    {
        var acceptance = Swaps.Accept(AskBram(start: At("2026-03-28 08:00")), AnnaWeek, Bram, Later);

        acceptance.Replacements.Select(p => (p.PersonId, p.Hours)).ShouldBe([(Anna, 120m), (Bram, 47m)]);
    }

    [Fact]
    public void Accept_AfterThePartHasBegun_HandsOverAtAcceptance()
    {
        var request = AskBram(At("2026-03-25 08:00"), At("2026-03-26 08:00"));
        var now = At("2026-03-25 10:30");

        var acceptance = Swaps.Accept(request, AnnaWeek, Bram, now);

        Pieces(acceptance).ShouldBe([
            (Anna, At("2026-03-23 08:00"), now),
            (Bram, now, At("2026-03-26 08:00")),
            (Anna, At("2026-03-26 08:00"), At("2026-03-30 08:00")),
        ]);
    }

    [Fact]
    public void Accept_AfterThePartIsOver_IsAConflict()
    {
        var request = AskBram(At("2026-03-25 08:00"), At("2026-03-26 08:00"));

        Should.Throw<RuleViolationException>(() => Swaps.Accept(request, AnnaWeek, Bram, At("2026-03-26 08:00")))
            .Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Theory]
    [InlineData("anna")]
    [InlineData("cor")]
    public void Accept_BySomeoneOtherThanTheAskedPerson_IsForbidden(string who)
    {
        var actor = who == "anna" ? Anna : Cor;

        Should.Throw<RuleViolationException>(() => Swaps.Accept(AskBram(), AnnaWeek, actor, Later))
            .Kind.ShouldBe(ViolationKind.Forbidden);
    }

    [Fact]
    public void Accept_ShiftChangedSinceTheRequest_IsAConflict()
    {
        var request = AskBram(At("2026-03-28 08:00"), At("2026-03-30 08:00"));
        var shortened = AnnaWeek with { End = At("2026-03-29 08:00") };
        var reassigned = AnnaWeek with { PersonId = Cor };

        Should.Throw<RuleViolationException>(() => Swaps.Accept(request, shortened, Bram, Later)).Kind.ShouldBe(ViolationKind.Conflict);
        Should.Throw<RuleViolationException>(() => Swaps.Accept(request, reassigned, Bram, Later)).Kind.ShouldBe(ViolationKind.Conflict);
    }

    [Fact]
    public void Accept_AnotherShift_IsAProgrammingError()
    {
        var other = ShiftOf(Anna, "2026-03-23 08:00", "2026-03-30 08:00");

        Should.Throw<ArgumentException>(() => Swaps.Accept(AskBram(), other, Bram, Later));
    }

    [Fact]
    public void Decline_ByTheAskedPerson_LeavesTheShiftAlone()
    {
        var declined = Swaps.Decline(AskBram(), Bram, Later);

        declined.Status.ShouldBe(SwapStatus.Declined);
        declined.DecidedAt.ShouldBe(Later);
        declined.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Decline_ByTheRequester_IsForbidden()
    {
        Should.Throw<RuleViolationException>(() => Swaps.Decline(AskBram(), Anna, Later)).Kind.ShouldBe(ViolationKind.Forbidden);
    }

    [Fact]
    public void Cancel_ByTheRequester_ClosesTheRequest()
    {
        var cancelled = Swaps.Cancel(AskBram(), Anna, Later);

        cancelled.Status.ShouldBe(SwapStatus.Cancelled);
        cancelled.DecidedAt.ShouldBe(Later);
    }

    [Fact]
    public void Cancel_ByTheAskedPerson_IsForbidden()
    {
        Should.Throw<RuleViolationException>(() => Swaps.Cancel(AskBram(), Bram, Later)).Kind.ShouldBe(ViolationKind.Forbidden);
    }

    public static TheoryData<string, string> DecidedThenActed => new()
    {
        { "accepted", "accept" }, { "accepted", "decline" }, { "accepted", "cancel" },
        { "declined", "accept" }, { "declined", "decline" }, { "declined", "cancel" },
        { "cancelled", "accept" }, { "cancelled", "decline" }, { "cancelled", "cancel" },
    };

    [Theory]
    [MemberData(nameof(DecidedThenActed))]
    public void AnyAction_OnADecidedRequest_IsAConflict(string decided, string action)
    {
        var request = decided switch
        {
            "accepted" => Swaps.Accept(AskBram(), AnnaWeek, Bram, Later).Request,
            "declined" => Swaps.Decline(AskBram(), Bram, Later),
            _ => Swaps.Cancel(AskBram(), Anna, Later),
        };

        var error = Should.Throw<RuleViolationException>(() =>
        {
            _ = action switch
            {
                "accept" => Swaps.Accept(request, AnnaWeek, Bram, Later).Request,
                "decline" => Swaps.Decline(request, Bram, Later),
                _ => Swaps.Cancel(request, Anna, Later),
            };
        });

        error.Kind.ShouldBe(ViolationKind.Conflict);
        error.Code.ShouldBe(RosterRefusals.SwapDecided.Code);
        error.Phrase["status"].ShouldBeOfType<Bilingual>().English.ShouldBe(decided);
    }

    [Fact]
    public void Accept_AnyPart_PiecesTileTheOriginalShift()
    {
        var hours = Enumerable.Range(0, 167);
        foreach (var (from, to) in hours.SelectMany(a => hours.Where(b => b > a && (a + b) % 7 == 0).Select(b => (a, b))))
        {
            var start = AnnaWeek.Start + Duration.FromHours(from);
            var end = AnnaWeek.Start + Duration.FromHours(to);

            var pieces = Swaps.Accept(AskBram(start, end), AnnaWeek, Bram, Later).Replacements;

            pieces[0].Start.ShouldBe(AnnaWeek.Start);
            pieces[^1].End.ShouldBe(AnnaWeek.End);
            for (var i = 1; i < pieces.Count; i++)
            {
                pieces[i].Start.ShouldBe(pieces[i - 1].End);
            }
            pieces.Where(p => p.PersonId == Bram).Select(p => (p.Start, p.End)).ShouldBe([(start, end)]);
        }
    }
}
