using Crisis.Domain.Alerting;
using static Crisis.Domain.Tests.Alerting.TestRoster;

namespace Crisis.Domain.Tests.Alerting;

public class RecipientResolutionTests
{
    private static StepAudience Resolve(EscalationNotify notify, TestRoster? roster = null, string function = OvdBz,
        int atMinutes = 0, IReadOnlySet<Guid>? participants = null) =>
        RecipientResolution.Resolve(notify, function, At(atMinutes), (roster ?? new TestRoster()).Build(), participants);

    [Fact]
    public void Resolve_OnCall_ReachesThePersonOnCallNow()
    {
        var audience = Resolve(EscalationNotify.OnCall);

        audience.Reach.ShouldBe([new AlertNotification(Anna, OvdBz, NotifyReason.OnCall)]);
        audience.Skipped.ShouldBeEmpty();
    }

    [Fact]
    public void Resolve_OnCallAtTheHandover_ReachesTheNewPerson() =>
        Resolve(EscalationNotify.OnCall, atMinutes: 5 * 24 * 60).Reach.Select(r => r.PersonId).ShouldBe([Bram]);

    [Fact]
    public void Resolve_OnCallWithNobodyOnCall_SkipsWithNobodyOnCall()
    {
        var roster = new TestRoster();
        roster.Shifts.Clear();

        var audience = Resolve(EscalationNotify.OnCall, roster);

        audience.Reach.ShouldBeEmpty();
        audience.Skipped.ShouldBe([(null, SkipReason.NobodyOnCall)]);
    }

    [Theory]
    [InlineData("on leave", true, false, SkipReason.OnLeave)]
    [InlineData("not qualified", false, true, SkipReason.NotQualified)]
    [InlineData("both: leave is said first", true, true, SkipReason.OnLeave)]
    public void Resolve_OnCallWhoCannotCome_IsSkippedWithTheReason(string description, bool leave, bool unqualified, SkipReason reason)
    {
        var roster = new TestRoster();
        if (leave)
        {
            roster.OnLeave(Anna);
        }
        if (unqualified)
        {
            roster.NotQualified(Anna, OvdBz);
        }

        var audience = Resolve(EscalationNotify.OnCall, roster);

        audience.Reach.ShouldBeEmpty(description);
        audience.Skipped.ShouldBe([(Anna, reason)], description);
    }

    [Fact]
    public void Resolve_LeaveThatEndedBeforeTheInstant_DoesNotSkip() =>
        Resolve(EscalationNotify.OnCall, new TestRoster().OnLeave(Anna, -120, -1)).Reach.Select(r => r.PersonId).ShouldBe([Anna]);

    [Fact]
    public void Resolve_NextOnCall_ReachesTheNextShiftsPerson() =>
        Resolve(EscalationNotify.NextOnCall).Reach.ShouldBe([new AlertNotification(Bram, OvdBz, NotifyReason.NextOnCall)]);

    [Fact]
    public void Resolve_NextOnCallWithNobodyNext_FallsBackToTheDeputy()
    {
        var roster = new TestRoster();
        roster.Shifts.RemoveAll(s => s.PersonId == Gijs);
        roster.Shifts.Add(Shift(HoofdPz, Gijs, -60, 60));

        var audience = Resolve(EscalationNotify.NextOnCall, roster, HoofdPz);

        audience.Skipped.ShouldBe([(null, SkipReason.NoNextOnCall)]);
        audience.Reach.ShouldBe([new AlertNotification(Hanna, HoofdPz, NotifyReason.Deputy)]);
    }

    [Fact]
    public void Resolve_NextOnCallOnLeave_SaysSoAndFallsBackToTheDeputy()
    {
        var roster = new TestRoster();
        roster.Shifts.Add(Shift(HoofdPz, Cor, 6 * 24 * 60, 7 * 24 * 60));
        roster.Pools[HoofdPz].Add(Cor);
        roster.OnLeave(Cor);

        var audience = Resolve(EscalationNotify.NextOnCall, roster, HoofdPz);

        audience.Skipped.ShouldBe([(Cor, SkipReason.OnLeave)]);
        audience.Reach.Select(r => (r.PersonId, r.Reason)).ShouldBe([(Hanna, NotifyReason.Deputy)]);
    }

    [Fact]
    public void Resolve_NextOnCallWithoutNextOrDeputy_SkipsBoth()
    {
        var roster = new TestRoster();
        roster.Shifts.RemoveAll(s => s.PersonId == Bram);

        Resolve(EscalationNotify.NextOnCall, roster).Skipped.ShouldBe([(null, SkipReason.NoNextOnCall), (null, SkipReason.NoDeputy)]);
    }

    [Fact]
    public void Resolve_Pool_ReachesEveryQualifiedHolderNotOnLeave()
    {
        var roster = new TestRoster().OnLeave(Bram).NotQualified(Cor, OvdBz);

        var audience = Resolve(EscalationNotify.Pool, roster);

        audience.Reach.Select(r => r.PersonId).ShouldBe([Anna]);
        audience.Skipped.ShouldBe([(Bram, SkipReason.OnLeave), (Cor, SkipReason.NotQualified)]);
    }

    [Fact]
    public void Resolve_EmptyPool_SaysSo()
    {
        var roster = new TestRoster();
        roster.Pools[OvdBz].Clear();

        Resolve(EscalationNotify.Pool, roster).Skipped.ShouldBe([(null, SkipReason.EmptyPool)]);
    }

    [Fact]
    public void Resolve_Coordinators_ReachesThemWithoutAFunctionOrQualification()
    {
        var roster = new TestRoster().NotQualified(Frank, OvdBz);

        Resolve(EscalationNotify.Coordinators, roster).Reach.ShouldBe([new AlertNotification(Frank, null, NotifyReason.Coordinator)]);
    }

    [Fact]
    public void Resolve_NoCoordinators_SaysSo()
    {
        var roster = new TestRoster();
        roster.Coordinators.Clear();

        Resolve(EscalationNotify.Coordinators, roster).Skipped.ShouldBe([(null, SkipReason.NoCoordinators)]);
    }

    [Fact]
    public void Resolve_Deputy_DefaultsToTheDeputiesOfTheTaskTeamTheFunctionHeads() =>
        Resolve(EscalationNotify.Deputy, function: HoofdPz).Reach.ShouldBe([new AlertNotification(Hanna, HoofdPz, NotifyReason.Deputy)]);

    [Fact]
    public void Resolve_DeputyOfAFunctionThatHeadsNoTeam_SaysNoDeputy() =>
        Resolve(EscalationNotify.Deputy).Skipped.ShouldBe([(null, SkipReason.NoDeputy)]);

    [Fact]
    public void Resolve_InAnExercise_SkipsNonParticipantsBeforeAnythingElse()
    {
        var roster = new TestRoster().OnLeave(Bram);

        var audience = Resolve(EscalationNotify.Pool, roster, participants: new HashSet<Guid> { Cor });

        audience.Reach.Select(r => r.PersonId).ShouldBe([Cor]);
        audience.Skipped.ShouldBe([(Anna, SkipReason.NotParticipant), (Bram, SkipReason.NotParticipant)]);
    }

    [Fact]
    public void Named_APersonOnLeave_IsStillReachedButATeamMemberOnLeaveIsNot()
    {
        var roster = new TestRoster().OnLeave(Gijs).Build();

        RecipientResolution.Named([Gijs], NotifyReason.Named, T0, roster, null).Reach.Select(r => r.PersonId).ShouldBe([Gijs]);
        var team = RecipientResolution.Named([Gijs, Hanna], NotifyReason.TeamMember, T0, roster, null);
        team.Reach.Select(r => r.PersonId).ShouldBe([Hanna]);
        team.Skipped.ShouldBe([(Gijs, SkipReason.OnLeave)]);
    }

    [Fact]
    public void Named_Nobody_SaysNoMembers() =>
        RecipientResolution.Named([], NotifyReason.TeamMember, T0, new TestRoster().Build(), null).Skipped
            .ShouldBe([(null, SkipReason.NoMembers)]);
}
