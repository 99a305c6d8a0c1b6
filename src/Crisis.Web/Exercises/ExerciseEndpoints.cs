using Crisis.Domain.Exercises;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Platform;
using Markdig;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Crisis.Web.Exercises;

public static class ExerciseEndpoints
{
    public static WebApplicationBuilder AddExercises(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScenarioCatalog>();
        builder.Services.AddScoped<ExerciseService>();
        builder.Services.AddSingleton<ExerciseNotifier>();
        builder.Services.AddSingleton<ExerciseScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExerciseScheduler>());
        return builder;
    }

    /// <summary>The Exercises part of the HTTP contract.</summary>
    public static IEndpointRouteBuilder MapExercises(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/exercises").RequireAuthorization().WithTags("Exercises");

        api.MapGet("/scenarios", async (ExerciseService exercises, Phrasebook phrases, HttpContext http) =>
            Results.Ok((await exercises.ScenariosAsync(http.Actor())).Select(f => ScenarioSummaryDto.From(f, phrases))));

        api.MapPost("/", async ([FromBody] CreateExerciseRequest? request, ExerciseService exercises, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ExercisesHostRefusals.BodyMissing.Raise();
            var incident = await exercises.CreateAsync(http.Actor(), body.Scenario, body.Title, ExerciseWire.Participants(body), ct);
            return Results.Created($"/api/exercises/{incident.Id}", IncidentDto.From(incident));
        });

        api.MapGet("/{id:guid}", async (Guid id, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.ViewAsync(http.Actor(), id, ct), clock));

        api.MapGet("/{id:guid}/clock", async (Guid id, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            Results.Ok(ExerciseClockDto.From(await exercises.ClockAsync(http.Actor(), id, ct), clock.GetCurrentInstant())));

        api.MapPost("/{id:guid}/start", async (Guid id, [FromBody] SpeedRequest? request, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.StartAsync(http.Actor(), id, ExerciseWire.Speed(request, required: false), ct), clock));

        api.MapPost("/{id:guid}/pause", async (Guid id, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.PauseAsync(http.Actor(), id, ct), clock));

        api.MapPost("/{id:guid}/resume", async (Guid id, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.ResumeAsync(http.Actor(), id, ct), clock));

        api.MapPost("/{id:guid}/speed", async (Guid id, [FromBody] SpeedRequest? request, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.ChangeSpeedAsync(http.Actor(), id, ExerciseWire.Speed(request, required: true), ct), clock));

        api.MapPost("/{id:guid}/advance", async (Guid id, [FromBody] AdvanceRequest? request, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.AdvanceAsync(http.Actor(), id, ExerciseWire.Minutes(request), ct), clock));

        api.MapPost("/{id:guid}/end", async (Guid id, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.EndAsync(http.Actor(), id, ct), clock));

        api.MapPost("/{id:guid}/injects", async (Guid id, [FromBody] AdHocInjectRequest? request, ExerciseService exercises, IncidentService incidents, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ExercisesHostRefusals.BodyMissing.Raise();
            var address = ExerciseWire.Address(body.To, await incidents.LogTeamsAsync(ct));
            var inject = await exercises.AddInjectAsync(http.Actor(), id, address, body.Text, ExerciseWire.Method(body.Kind), ct);
            return Results.Created($"/api/exercises/{id}", InjectDto.From(inject));
        });

        api.MapPost("/{id:guid}/injects/{injectId}/deliver", async (Guid id, string injectId, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.DeliverAsync(http.Actor(), id, injectId, ct), clock));

        api.MapPost("/{id:guid}/injects/{injectId}/skip", async (Guid id, string injectId, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.SkipAsync(http.Actor(), id, injectId, ct), clock));

        api.MapPost("/{id:guid}/expected-actions/{actionId}/met", async (Guid id, string actionId, [FromBody] MetRequest? request, ExerciseService exercises, IClock clock, HttpContext http, CancellationToken ct) =>
            State(await exercises.MarkMetAsync(http.Actor(), id, actionId, ExerciseWire.Seq(request), ct), clock));

        api.MapPost("/{id:guid}/observations", async (Guid id, [FromBody] ObservationRequest? request, ExerciseService exercises, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ExercisesHostRefusals.BodyMissing.Raise();
            var observation = await exercises.ObserveAsync(http.Actor(), id, body.Text, body.Objective, body.Seq, ExerciseWire.Rating(body.Rating), ct);
            return Results.Created($"/api/exercises/{id}/evaluation", ObservationDto.From(observation));
        });

        api.MapPost("/{id:guid}/findings", async (Guid id, [FromBody] FindingRequest? request, ExerciseService exercises, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ExercisesHostRefusals.BodyMissing.Raise();
            var action = await exercises.AddFindingAsync(http.Actor(), id, body.Text, body.Team, ct);
            return Results.Created($"/api/teams/{action.Team}/actions/{action.Id}", action);
        });

        api.MapGet("/{id:guid}/evaluation", async (Guid id, string? format, ExerciseService exercises, HttpContext http, CancellationToken ct) =>
        {
            var html = ExerciseWire.AsHtml(format);
            var markdown = EvaluationRendering.ToMarkdown(await exercises.EvaluationAsync(http.Actor(), id, ct));
            return html
                ? Results.Content(PrintView(markdown), "text/html; charset=utf-8")
                : Results.Content(markdown, "text/markdown; charset=utf-8");
        });

        api.MapPost("/real-incident", async (ExerciseService exercises, HttpContext http, CancellationToken ct) =>
            Results.Ok(new RealIncidentDto(await exercises.RealIncidentAsync(http.Actor(), ct))));

        return app;
    }

    private static IResult State(ExerciseView view, IClock clock) => Results.Ok(ExerciseStateDto.From(view, clock.GetCurrentInstant()));

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    /// <summary>The evaluation as a printable page, with the OEFENING band on top of every print.</summary>
    internal static string PrintView(string markdown) =>
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>OEFENING – Evaluatie</title>"
        + "<style>body{font-family:system-ui,Arial,sans-serif;max-width:56rem;margin:2rem auto;color:#111}"
        + "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}"
        + "h2{border-bottom:2px solid #333;margin-top:2rem}blockquote{background:#ffd600;color:#000;font-weight:bold;text-align:center;"
        + "padding:.5rem;border:3px solid #000;letter-spacing:.1em;margin:0}"
        + "@media print{body{margin:0}blockquote{-webkit-print-color-adjust:exact;print-color-adjust:exact}}</style></head><body>\n"
        + RenderHtml(markdown)
        + "</body></html>\n";

    /// <summary>The report's Markdown as HTML (raw HTML in it is not passed through).</summary>
    public static string RenderHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
