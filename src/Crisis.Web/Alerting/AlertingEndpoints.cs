using Crisis.Domain;
using Crisis.Domain.Alerting;
using Crisis.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Alerting;

public static class AlertingEndpoints
{
    public static WebApplicationBuilder AddAlerting(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<AlertRosterSource>();
        builder.Services.AddScoped<AlertLog>();
        builder.Services.AddScoped<AlertStore>();
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddScoped<AlertQueries>();
        builder.Services.AddScoped<AlertingDemo>();
        builder.Services.AddScoped<OnCallFallbacks>();
        builder.Services.AddSingleton<AlertNotifier>();
        builder.Services.AddSingleton<AlertScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AlertScheduler>());
        builder.AddAlertChannels();
        return builder;
    }

    /// <summary>The Alerting (alarmering) part of the contract: alerts, answers, escalation policies, contact details.</summary>
    public static IEndpointRouteBuilder MapAlerting(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").RequireAuthorization().WithTags("Alerting");

        alerts.MapPost("/", async ([FromBody] RaiseAlertRequest? request, AlertService service, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw AlertingHostRefusals.BodyMissing.Raise();
            var targets = (body.Targets ?? []).Select((t, i) =>
                AlertTarget.FromWire(t?.Function, t?.Team, t?.Everyone, t?.PersonId, $"targets[{i}]")).ToList();
            var alert = await service.RaiseAsync(http.Actor(), body.IncidentId, targets, body.Message, body.Required, ct);
            return Results.Created($"/api/alerts/{alert.Id}", alert);
        });

        alerts.MapPost("/test", async ([FromBody] ProefalarmRequest? request, AlertService service, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw AlertingHostRefusals.BodyMissing.Raise();
            var function = Texts.TrimToNull(body.Function);
            if ((body.PersonId is null) == (function is null))
            {
                throw AlertingHostRefusals.TestTargetUnclear.RaiseFor(body.PersonId is null ? "personId" : "function");
            }
            if (function is not null)
            {
                var pool = await service.TestPoolAsync(http.Actor(), function, body.Message, ct);
                return Results.Created("/api/alerts?open=true", pool);
            }
            var alert = await service.TestAsync(http.Actor(), body.PersonId!.Value, body.Message, ct);
            return Results.Created($"/api/alerts/{alert.Id}", alert);
        });

        alerts.MapGet("/reachability", async (string? function, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok((await queries.ReachabilityAsync(http.Actor(), function, ct)).Select(ReachabilityDto.From).ToList()));

        alerts.MapGet("/", async (bool? open, bool? includeExercises, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok(await queries.ListAsync(http.Actor(), open ?? false, includeExercises ?? false, ct)));

        alerts.MapGet("/{id:guid}", async (Guid id, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok(await queries.GetAsync(http.Actor(), id, ct)));

        alerts.MapPost("/{id:guid}/respond", async (Guid id, [FromBody] RespondRequest? request, AlertService service, HttpContext http, CancellationToken ct) =>
        {
            var response = AlertingNames.ParseAnswer(request?.Response);
            return Results.Ok(await service.RespondAsync(http.Actor(), id, response, request!.EtaMinutes, request.Note, ct));
        });

        alerts.MapPost("/{id:guid}/cancel", async (Guid id, AlertService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.CancelAsync(http.Actor(), id, ct)));

        alerts.MapPost("/{id:guid}/resolve", async (Guid id, AlertService service, HttpContext http, CancellationToken ct) =>
            Results.Ok(await service.ResolveAsync(http.Actor(), id, ct)));

        app.MapGet("/api/incidents/{id:guid}/alerts", async (Guid id, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok(await queries.OfIncidentAsync(http.Actor(), id, ct)))
            .RequireAuthorization().WithTags("Alerting");

        var functions = app.MapGroup("/api/functions").RequireAuthorization().WithTags("Alerting");
        functions.MapGet("/{code}/escalation", async (string code, AlertQueries queries, CancellationToken ct) =>
        {
            var (function, policy, isDefault) = await queries.PolicyAsync(code, ct);
            return Results.Ok(EscalationPolicyDto.From(function, policy, isDefault));
        });
        functions.MapPut("/{code}/escalation", async (string code, [FromBody] EscalationPolicyRequest? request, AlertQueries queries, HttpContext http, CancellationToken ct) =>
        {
            var steps = request?.Steps?.Select((s, i) => new EscalationStep(
                s?.AfterMinutes ?? throw AlertingHostRefusals.StepMinutesMissing.RaiseFor($"steps[{i}].afterMinutes", ("step", i + 1)),
                AlertingNames.ParseNotify(s.Notify, $"steps[{i}].notify"))).ToList();
            var (function, policy, isDefault) = await queries.SetPolicyAsync(http.Actor(), code, steps, request?.Repeat, ct);
            return Results.Ok(EscalationPolicyDto.From(function, policy, isDefault));
        });

        var people = app.MapGroup("/api/people").RequireAuthorization().WithTags("Alerting");
        people.MapGet("/{id:guid}/contact", async (Guid id, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok(await queries.ContactAsync(http.Actor(), id, ct)));
        people.MapPut("/{id:guid}/contact", async (Guid id, [FromBody] ContactRequest? request, AlertQueries queries, HttpContext http, CancellationToken ct) =>
            Results.Ok(await queries.SetContactAsync(http.Actor(), id, request?.Email, request?.Phone, ct)));
        app.MapAlertChannels();
        return app;
    }
}
