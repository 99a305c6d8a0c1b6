using NodaTime;

namespace Crisis.Domain.Roster;

/// <summary>Where a swap request stands. Only <see cref="Requested"/> can still change.</summary>
public enum SwapStatus
{
    Requested,
    Accepted,
    Declined,
    Cancelled,
}

public static class SwapStatuses
{
    private static readonly WireNames<SwapStatus> Names = new(
        (SwapStatus.Requested, "requested", "open"),
        (SwapStatus.Accepted, "accepted", "geaccepteerd"),
        (SwapStatus.Declined, "declined", "geweigerd"),
        (SwapStatus.Cancelled, "cancelled", "ingetrokken"));

    /// <summary>The name in the HTTP contract: <c>requested</c>, <c>accepted</c>, <c>declined</c>, <c>cancelled</c>.</summary>
    public static string ToWire(this SwapStatus status) => Names.Wire(status);

    public static string ToDutch(this SwapStatus status) => Names.Dutch(status);
}

/// <summary>
/// A person (<see cref="RequesterId"/>) asks another (<see cref="AskedPersonId"/>) to take their shift, or
/// the part of it from <see cref="Start"/> to <see cref="End"/>.
/// </summary>
public sealed record SwapRequest(
    Guid Id,
    Guid ShiftId,
    string Function,
    Guid RequesterId,
    Guid AskedPersonId,
    Instant Start,
    Instant End,
    SwapStatus Status,
    Instant RequestedAt,
    Instant? DecidedAt = null)
{
    public bool IsOpen => Status == SwapStatus.Requested;

    public Interval Interval => new(Start, End);
}

/// <summary>The result of an accepted swap: the original shift goes, its pieces come in its place.</summary>
/// <param name="Replaced">The shift as it was; remove it.</param>
/// <param name="Replacements">In time order: the requester's part before (if any), the asked person's
/// part, the requester's part after (if any). All marked <see cref="ShiftOrigin.Swap"/>, so that
/// regenerating the rotation leaves them alone.</param>
public sealed record SwapAcceptance(SwapRequest Request, Shift Replaced, IReadOnlyList<PlannedShift> Replacements);

/// <summary>
/// The swap state machine: requested, then accepted (by the asked person), declined (by the asked
/// person) or cancelled (by the requester). Nothing changes after that.
/// </summary>
public static class Swaps
{
    /// <summary>
    /// Asks <paramref name="askedPersonId"/> to take <paramref name="shift"/>, or the part of it from
    /// <paramref name="partStart"/> to <paramref name="partEnd"/> (either defaults to the shift's own).
    /// Only the person on the shift may ask; the part must lie within the shift and must not be over yet.
    /// </summary>
    public static SwapRequest Request(
        Guid id, Shift shift, Guid requesterId, Guid askedPersonId, Instant now,
        Instant? partStart = null, Instant? partEnd = null)
    {
        ArgumentNullException.ThrowIfNull(shift);
        if (requesterId != shift.PersonId)
        {
            throw RosterRefusals.SwapNotYourShift.Raise();
        }
        if (askedPersonId == Guid.Empty)
        {
            throw RosterRefusals.SwapAskedMissing.RaiseFor("askedPersonId");
        }
        if (askedPersonId == requesterId)
        {
            throw RosterRefusals.SwapAskedSelf.RaiseFor("askedPersonId");
        }
        var start = partStart ?? shift.Start;
        var end = partEnd ?? shift.End;
        if (end <= start)
        {
            throw RosterRefusals.SwapPartEmpty.RaiseFor("end");
        }
        if (start < shift.Start || end > shift.End)
        {
            throw RosterRefusals.SwapPartOutsideShift.RaiseFor(start < shift.Start ? "start" : "end",
                ("start", start), ("end", end), ("shiftStart", shift.Start), ("shiftEnd", shift.End));
        }
        if (end <= now)
        {
            throw RosterRefusals.SwapPartOver.RaiseFor("end");
        }
        return new SwapRequest(id, shift.Id, shift.Function, requesterId, askedPersonId, start, end, SwapStatus.Requested, now);
    }

    /// <summary>
    /// The asked person accepts. <paramref name="shift"/> is the shift as it is stored now; if it has changed
    /// since the request (someone else took it, or it was shortened) the acceptance is refused, so a stale
    /// request cannot overwrite a newer change.
    /// </summary>
    /// <remarks>
    /// A request accepted after its part has begun hands over at the moment of acceptance, not at the
    /// requested start: until then the requester was the one on call, and the roster of the past must say
    /// who really was.
    /// </remarks>
    public static SwapAcceptance Accept(SwapRequest request, Shift shift, Guid actingPersonId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(shift);
        if (shift.Id != request.ShiftId)
        {
            throw new ArgumentException($"Shift {shift.Id} is not the shift {request.ShiftId} of this request.", nameof(shift));
        }
        if (actingPersonId != request.AskedPersonId)
        {
            throw RosterRefusals.SwapAcceptNotAsked.Raise();
        }
        EnsureOpen(request);
        if (shift.PersonId != request.RequesterId || request.Start < shift.Start || request.End > shift.End)
        {
            throw RosterRefusals.SwapShiftChanged.Raise();
        }
        if (request.End <= now)
        {
            throw RosterRefusals.SwapOver.Raise();
        }

        var handover = Instant.Max(request.Start, now);
        var pieces = new List<PlannedShift>(3);
        if (shift.Start < handover)
        {
            pieces.Add(new PlannedShift(shift.Function, shift.PersonId, shift.Start, handover, ShiftOrigin.Swap));
        }
        pieces.Add(new PlannedShift(shift.Function, request.AskedPersonId, handover, request.End, ShiftOrigin.Swap));
        if (request.End < shift.End)
        {
            pieces.Add(new PlannedShift(shift.Function, shift.PersonId, request.End, shift.End, ShiftOrigin.Swap));
        }
        var accepted = request with { Status = SwapStatus.Accepted, DecidedAt = now };
        return new SwapAcceptance(accepted, shift, pieces);
    }

    /// <summary>The asked person declines; the shift stays as it is.</summary>
    public static SwapRequest Decline(SwapRequest request, Guid actingPersonId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (actingPersonId != request.AskedPersonId)
        {
            throw RosterRefusals.SwapDeclineNotAsked.Raise();
        }
        EnsureOpen(request);
        return request with { Status = SwapStatus.Declined, DecidedAt = now };
    }

    /// <summary>The requester withdraws the request before it is answered.</summary>
    public static SwapRequest Cancel(SwapRequest request, Guid actingPersonId, Instant now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (actingPersonId != request.RequesterId)
        {
            throw RosterRefusals.SwapCancelNotRequester.Raise();
        }
        EnsureOpen(request);
        return request with { Status = SwapStatus.Cancelled, DecidedAt = now };
    }

    private static void EnsureOpen(SwapRequest request)
    {
        if (!request.IsOpen)
        {
            throw RosterRefusals.SwapDecided.Raise(("status", new Bilingual(request.Status.ToWire(), request.Status.ToDutch())));
        }
    }
}
