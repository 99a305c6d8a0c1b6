using Crisis.Domain.Incidents;
using Crisis.Web.Identity;
using Crisis.Web.Realtime;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Incidents;

public static class IncidentEndpoints
{
    public static WebApplicationBuilder AddIncidents(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<IncidentService>();
        builder.Services.AddSingleton<IncidentAccessCache>();
        builder.Services.AddSingleton<LogWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LogWriter>());
        builder.Services.AddSingleton<IncidentNotifier>();
        builder.Services.AddSingleton<LiveLogRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LiveLogRelay>());
        return builder;
    }

    /// <summary>The Incidents part of the HTTP contract, and the hub.</summary>
    public static IEndpointRouteBuilder MapIncidents(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").RequireAuthorization().WithTags("Incidents");

        api.MapPost("/", async ([FromBody] CreateIncidentRequest? request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var incident = await incidents.OpenAsync(http.Actor(), IncidentWire.ToNewIncident(request), ct);
            return Results.Created($"/api/incidents/{incident.Id}", IncidentDto.From(incident));
        });

        api.MapGet("/", async (bool? includeExercises, bool? includeClosed, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var list = await incidents.ListAsync(http.Actor(), includeExercises ?? false, includeClosed ?? false, ct);
            return Results.Ok(list.Select(IncidentDto.From));
        });

        api.MapGet("/{id:guid}", async (Guid id, IncidentService incidents, HttpContext http, CancellationToken ct) =>
            Results.Ok(IncidentDto.From((await incidents.GetAsync(http.Actor(), id, ct)).Incident)));

        api.MapPost("/{id:guid}/grip", async (Guid id, [FromBody] GripRequest? request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
            Results.Ok(IncidentDto.From(await incidents.ChangeGripAsync(http.Actor(), id, IncidentWire.ToGripLevel(request), ct))));

        api.MapPost("/{id:guid}/close", async (Guid id, IncidentService incidents, HttpContext http, CancellationToken ct) =>
            Results.Ok(IncidentDto.From(await incidents.CloseAsync(http.Actor(), id, ct))));

        api.MapPost("/{id:guid}/participants", async (Guid id, [FromBody] ParticipantRequest? request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            await incidents.AddParticipantAsync(http.Actor(), id, request?.Email, request?.Function, ct);
            return Results.NoContent();
        });

        api.MapDelete("/{id:guid}/participants/{userId:guid}", async (Guid id, Guid userId, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            await incidents.RemoveParticipantAsync(http.Actor(), id, userId, ct);
            return Results.NoContent();
        });

        api.MapGet("/{id:guid}/participants", async (Guid id, IncidentService incidents, HttpContext http, CancellationToken ct) =>
            Results.Ok((await incidents.ListParticipantsAsync(http.Actor(), id, ct)).Select(IncidentWire.ToDto)));

        api.MapPost("/{id:guid}/log", async (Guid id, [FromBody] AppendLogRequest? request, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            // With an Idempotency-Key a retry answers the entry the first try wrote, with the same 201 and Location, and
            // the header Idempotent-Replayed: true; nothing new is stored (on any node).
            var actor = http.Actor();
            var header = http.Request.Headers[IncidentWire.IdempotencyKeyHeader];
            var key = IncidentWire.ClientKey(actor, header.Count > 0 ? header.ToString() : request?.IdempotencyKey);
            var append = await IncidentWire.ToAppendEntryAsync(request, () => incidents.RefuseAppendBeforeEntryAsync(actor, id, ct));
            var result = await incidents.AppendOnceAsync(actor, id, append, key, ct);
            if (result.Replayed)
            {
                http.Response.Headers[IncidentWire.ReplayedHeader] = "true";
            }
            var entry = result.Entry;
            return Results.Created($"/api/incidents/{id}/log?afterSeq={entry.Seq - 1}", LogEntryDto.From(entry));
        });

        // A page of at most `limit` (default and most: IncidentService.MaxPage) entries in seq order; when the log goes
        // on, a Link header names the next page (rel="next", after the page's last seq) or, reading back with
        // beforeSeq, the earlier one (rel="prev").
        api.MapGet("/{id:guid}/log", async (Guid id, int? afterSeq, int? beforeSeq, int? limit, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var size = Math.Clamp(limit ?? IncidentService.MaxPage, 1, IncidentService.MaxPage);
            if (beforeSeq is { } before)
            {
                var older = await incidents.ReadLogBeforeAsync(http.Actor(), id, before, size, ct);
                if (older.More)
                {
                    http.Response.Headers.Link = $"</api/incidents/{id}/log?beforeSeq={older.Entries[0].Seq}&limit={size}>; rel=\"prev\"";
                }
                return Results.Ok(older.Entries.Select(LogEntryDto.From));
            }
            var page = await incidents.ReadLogPageAsync(http.Actor(), id, afterSeq ?? 0, size, ct);
            if (page.More)
            {
                http.Response.Headers.Link = $"</api/incidents/{id}/log?afterSeq={page.Entries[^1].Seq}&limit={size}>; rel=\"next\"";
            }
            return Results.Ok(page.Entries.Select(LogEntryDto.From));
        });

        api.MapGet("/{id:guid}/sitrep", async (Guid id, string? format, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var html = IncidentWire.SitrepAsHtml(format);
            var report = await incidents.SitrepAsync(http.Actor(), id, ct);
            return html
                ? Results.Content(SitrepRendering.ToHtml(report), "text/html; charset=utf-8")
                : Results.Content(SitrepRendering.ToMarkdown(report), "text/markdown; charset=utf-8");
        });

        app.MapHub<CrisisHub>(CrisisHub.Path).RequireAuthorization();
        return app;
    }

}
