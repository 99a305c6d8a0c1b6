using Crisis.Domain.Teams;
using Crisis.Web.Identity;
using Crisis.Web.Roster;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Teams;

public sealed record LeerprikkelTrainingRequest(string? Activity, string? Requirement);

public sealed record LeerprikkelRequest(string? Question, IReadOnlyList<string?>? Audience, string? SendOn, int? ReminderAfterDays, LeerprikkelTrainingRequest? Training)
{
    public LeerprikkelInput ToInput() => new(
        Question, Audience, RosterWire.ParseDateOrNull(SendOn, "sendOn"), ReminderAfterDays, Training?.Activity, Training?.Requirement, Training is not null);
}

public sealed record LeerprikkelAnswerRequest(string? Text);

/// <summary>The Leerprikkelaar part of the contract (year-plan activity D5): questions, the caller's own, answers and rates.</summary>
public static class LeerprikkelEndpoints
{
    public static IEndpointRouteBuilder MapLeerprikkelaar(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/leerprikkels").RequireAuthorization().WithTags("Teams");

        api.MapGet("", async (LeerprikkelService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.ListAsync(http.Actor(), ct)));

        api.MapGet("/mine", async (LeerprikkelService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.MineAsync(http.Actor(), ct)));

        api.MapGet("/{id:guid}", async (Guid id, LeerprikkelService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.GetAsync(http.Actor(), id, ct)));

        api.MapPost("", async ([FromBody] LeerprikkelRequest? request, LeerprikkelService service, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw LeerprikkelHostRefusals.BodyMissing.Raise();
            var created = await service.CreateAsync(http.Actor(), body.ToInput(), ct);
            return Results.Created($"/api/leerprikkels/{created.Id}", created);
        });

        api.MapDelete("/{id:guid}", async (Guid id, LeerprikkelService service, HttpContext http, CancellationToken ct) =>
        {
            await service.DeleteAsync(http.Actor(), id, ct);
            return Results.NoContent();
        });

        api.MapPost("/{id:guid}/send-now", async (Guid id, LeerprikkelService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.SendNowAsync(http.Actor(), id, ct)));

        api.MapPost("/{id:guid}/answer", async (Guid id, [FromBody] LeerprikkelAnswerRequest? request, LeerprikkelService service, HttpContext http,
            CancellationToken ct) =>
        {
            var body = request ?? throw LeerprikkelHostRefusals.BodyMissing.Raise();
            return Results.Ok(await service.AnswerAsync(http.Actor(), id, body.Text, ct));
        });
        return app;
    }
}
