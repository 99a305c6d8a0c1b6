using Crisis.Web.Identity;
using Crisis.Domain;
using Crisis.Web.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Roster;

public static class RosterEndpoints
{
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RosterOptions>()
            .Bind(builder.Configuration.GetSection(RosterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<RosterService>();
        builder.Services.AddSingleton<RosterNotifier>();
        builder.Services.AddScoped<RosterDemo>();
        return builder;
    }

    /// <summary>The Roster part of the contract and its additions (swaps, rotations, import/export, feeds).</summary>
    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/roster").RequireAuthorization().WithTags("Roster");

        api.MapPost("/shifts", async ([FromBody] ShiftRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            var shift = await roster.CreateShiftAsync(http.Actor(), request, ct);
            return Results.Created($"/api/roster/shifts/{shift.Id}", shift);
        });
        api.MapGet("/shifts", async (string? function, string? from, string? to, Guid? personId, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.ListShiftsAsync(function, from, to, personId, ct)));
        api.MapGet("/shifts/{id:guid}", async (Guid id, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.GetShiftAsync(id, ct)));
        api.MapPut("/shifts/{id:guid}", async (Guid id, [FromBody] ShiftRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.UpdateShiftAsync(http.Actor(), id, request, ct)));
        api.MapPost("/shifts/{id:guid}/override", async (Guid id, [FromBody] OverrideRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.OverrideAsync(http.Actor(), id, request, ct)));
        api.MapDelete("/shifts/{id:guid}", async (Guid id, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            await roster.DeleteShiftAsync(http.Actor(), id, ct);
            return Results.NoContent();
        });

        api.MapGet("/coverage", async (string? function, string? from, string? to, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.CoverageAsync(function, from, to, ct)));
        api.MapGet("/coverage/region", async (string? from, string? to, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.RegionCoverageAsync(from, to, ct)));
        api.MapGet("/gaps", async (int? days, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.UpcomingGapsAsync(days, ct)));

        // The contract's array of who is on call; /oncall/next gives the fallback in the same shape, /oncall/overview both per function.
        api.MapGet("/oncall", async (string? function, string? at, RosterService roster, CancellationToken ct) =>
            Results.Ok((await roster.OnCallAsync(function, at, ct)).SelectMany(o => o.OnCall)));
        api.MapGet("/oncall/next", async (string? function, string? at, RosterService roster, CancellationToken ct) =>
            Results.Ok((await roster.OnCallAsync(function, at, ct)).SelectMany(o => o.Next)));
        api.MapGet("/oncall/overview", async (string? function, string? at, RosterService roster, CancellationToken ct) =>
            Results.Ok(await roster.OnCallAsync(function, at, ct)));

        api.MapPost("/rotations/generate", async ([FromBody] RotationRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.GenerateRotationAsync(http.Actor(), request, ct)));

        api.MapPost("/swaps", async ([FromBody] SwapCreateRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            var swap = await roster.RequestSwapAsync(http.Actor(), request, ct);
            return Results.Created($"/api/roster/swaps/{swap.Id}", swap);
        });
        api.MapGet("/swaps", async (bool? all, bool? open, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.ListSwapsAsync(http.Actor(), all ?? false, open ?? false, ct)));
        api.MapPost("/swaps/{id:guid}/accept", async (Guid id, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.AcceptSwapAsync(http.Actor(), id, ct)));
        api.MapPost("/swaps/{id:guid}/decline", async (Guid id, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.DeclineSwapAsync(http.Actor(), id, ct)));
        api.MapPost("/swaps/{id:guid}/cancel", async (Guid id, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.CancelSwapAsync(http.Actor(), id, ct)));

        api.MapPost("/import", async (HttpContext http, RosterService roster, CancellationToken ct) =>
        {
            var type = http.Request.ContentType ?? "";
            if (!type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) && !type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            {
                return Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the shifts as text/csv.");
            }
            using var reader = new StreamReader(http.Request.Body);
            var text = await reader.ReadToEndAsync(ct);
            try
            {
                var result = await roster.ImportAsync(http.Actor(), text, ct);
                return Results.Ok(result);
            }
            catch (RosterImportException ex)
            {
                return Results.Problem(statusCode: 400, title: "Invalid import", detail: ex.Message,
                    extensions: new Dictionary<string, object?> { ["errors"] = ex.Errors });
            }
        }).Accepts<string>("text/csv");
        api.MapGet("/export", async (string? function, string? from, string? to, RosterService roster, CancellationToken ct) =>
            Results.Text(await roster.ExportAsync(function, from, to, ct), "text/csv; charset=utf-8"));
        api.MapGet("/reports/hours", async (string? month, string? format, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            var csv = format?.ToLowerInvariant() switch
            {
                null or "" or "json" => false,
                "csv" => true,
                _ => throw LegacyRefusals.Of(ViolationKind.Invalid, $"Unknown format '{format}'; use json (the default) or csv.", "format"),
            };
            var report = await roster.HoursReportAsync(http.Actor(), month, ct);
            return csv ? Results.Text(RosterService.HoursCsv(report), "text/csv; charset=utf-8") : Results.Ok(report);
        });

        api.MapGet("/calendar/{personId:guid}.ics", async (Guid personId, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Text(await roster.CalendarAsync(http.Actor(), personId, ct), "text/calendar; charset=utf-8"));
        api.MapPost("/calendar/{personId:guid}/subscription", async (Guid personId, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            var baseUri = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
            var subscription = await roster.CreateSubscriptionAsync(http.Actor(), personId, baseUri, ct);
            return Results.Created(subscription.Url, subscription);
        });
        api.MapDelete("/calendar/{personId:guid}/subscription", async (Guid personId, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            await roster.RevokeSubscriptionAsync(http.Actor(), personId, ct);
            return Results.NoContent();
        });

        var people = app.MapGroup("/api/people").RequireAuthorization().WithTags("Roster");
        people.MapPost("/{id:guid}/unavailability", async (Guid id, [FromBody] UnavailabilityRequest? request, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            var created = await roster.AddUnavailabilityAsync(http.Actor(), id, request, ct);
            return Results.Created($"/api/people/{id}/unavailability/{created.Id}", created);
        });
        people.MapGet("/{id:guid}/unavailability", async (Guid id, RosterService roster, HttpContext http, CancellationToken ct) =>
            Results.Ok(await roster.ListUnavailabilityAsync(http.Actor(), id, ct)));
        people.MapDelete("/{id:guid}/unavailability/{unavailabilityId:guid}", async (Guid id, Guid unavailabilityId, RosterService roster, HttpContext http, CancellationToken ct) =>
        {
            await roster.DeleteUnavailabilityAsync(http.Actor(), id, unavailabilityId, ct);
            return Results.NoContent();
        });

        // Calendar clients (Outlook, Google) cannot sign in: the secret token in the URL is the authorisation.
        // An unknown or revoked token is a plain 404, so the URL space reveals nothing.
        app.MapGet("/feeds/roster/{token}.ics", async (string token, RosterService roster, CancellationToken ct) =>
        {
            var feed = token.Length is > 20 and < 100 ? await roster.FeedAsync(token, ct) : null;
            return feed is null
                ? Results.Problem(statusCode: 404, title: "Not found", detail: "This calendar link is unknown or was revoked.")
                : Results.Text(feed, "text/calendar; charset=utf-8");
        }).AllowAnonymous().WithTags("Roster");
        return app;
    }
}
