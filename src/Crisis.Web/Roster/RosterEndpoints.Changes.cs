using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Crisis.Web.Roster;

public static partial class RosterEndpoints
{
    /// <summary>Rotations, swaps and unavailability: the changes besides editing a shift.</summary>
    private static void MapChanges(RouteGroupBuilder api, RouteGroupBuilder people)
    {
        api.MapPost("/rotations/generate", async ([FromBody] RotationRequest? request, RotationService rotations, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await rotations.GenerateAsync(http.Actor(), RotationInputOf(request), ct)).ToDto(phrases)));

        api.MapPost("/swaps", async ([FromBody] SwapCreateRequest? request, SwapService swaps, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
        {
            var swap = await swaps.RequestAsync(http.Actor(), SwapInputOf(request), ct);
            return Results.Created($"/api/roster/swaps/{swap.Id}", swap.ToDto(phrases));
        });
        api.MapGet("/swaps", async (bool? all, bool? open, SwapService swaps, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await swaps.ListAsync(http.Actor(), all ?? false, open ?? false, ct)).Select(s => s.ToDto(phrases))));
        api.MapPost("/swaps/{id:guid}/accept", async (Guid id, SwapService swaps, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await swaps.AcceptAsync(http.Actor(), id, ct)).ToDto(phrases)));
        api.MapPost("/swaps/{id:guid}/decline", async (Guid id, SwapService swaps, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await swaps.DeclineAsync(http.Actor(), id, ct)).ToDto(phrases)));
        api.MapPost("/swaps/{id:guid}/cancel", async (Guid id, SwapService swaps, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await swaps.CancelAsync(http.Actor(), id, ct)).ToDto(phrases)));

        people.MapPost("/{id:guid}/unavailability", async (Guid id, [FromBody] UnavailabilityRequest? request, UnavailabilityService leave, HttpContext http, CancellationToken ct) =>
        {
            var input = new LeaveInput(RosterWire.ParseLocal(request?.Start, "start"), RosterWire.ParseLocal(request?.End, "end"), request?.Reason);
            var created = await leave.AddAsync(http.Actor(), id, input, ct);
            return Results.Created($"/api/people/{id}/unavailability/{created.Id}", created.ToDto());
        });
        people.MapGet("/{id:guid}/unavailability", async (Guid id, UnavailabilityService leave, HttpContext http, CancellationToken ct) =>
            Results.Ok((await leave.ListAsync(http.Actor(), id, ct)).Select(u => u.ToDto())));
        people.MapDelete("/{id:guid}/unavailability/{unavailabilityId:guid}", async (Guid id, Guid unavailabilityId, UnavailabilityService leave, HttpContext http, CancellationToken ct) =>
        {
            await leave.DeleteAsync(http.Actor(), id, unavailabilityId, ct);
            return Results.NoContent();
        });
    }

    private static SwapInput SwapInputOf(SwapCreateRequest? request)
    {
        if (request?.ShiftId is not { } shiftId || shiftId == Guid.Empty)
        {
            throw RosterWireRefusals.SwapShiftRequired.RaiseFor("shiftId");
        }
        return new SwapInput(shiftId, RosterWire.PersonId(request.AskedPersonId, "askedPersonId"),
            RosterWire.ParseLocalOrNull(request.Start, "start"), RosterWire.ParseLocalOrNull(request.End, "end"));
    }

    private static RotationInput RotationInputOf(RotationRequest? request)
    {
        if (request is null)
        {
            throw RosterWireRefusals.RotationBodyMissing.Raise();
        }
        var function = RosterWire.FunctionText(request.Function);
        var day = Crisis.Domain.TextRules.IsBlank(request.HandoverDay) ? IsoDayOfWeek.Monday : RosterWire.ParseDay(request.HandoverDay, "handoverDay");
        var time = Crisis.Domain.TextRules.IsBlank(request.HandoverTime) ? new LocalTime(8, 0) : RosterWire.ParseTime(request.HandoverTime, "handoverTime");
        return new RotationInput(function, request.Pool ?? [], day, time, request.Weeks ?? 1,
            RosterWire.ParseDate(request.From, "from"), RosterWire.ParseDate(request.To, "to"));
    }
}
