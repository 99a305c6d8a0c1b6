using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Crisis.Web.Roster;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Paspoort;

/// <summary>
/// The Veiligheidspaspoort's API: reads the wire (kinds, results, dates and formats as text, with a 400 naming the
/// field), calls the services in the domain's types, and renders their answers as the contract's DTOs.
/// </summary>
public static class PaspoortEndpoints
{
    public static WebApplicationBuilder AddPaspoort(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PaspoortSources>();
        builder.Services.AddScoped<PaspoortStore>();
        builder.Services.AddScoped<PaspoortGuard>();
        builder.Services.AddScoped<PaspoortRequirementService>();
        builder.Services.AddScoped<PaspoortRecordService>();
        builder.Services.AddScoped<PaspoortDraftService>();
        builder.Services.AddScoped<PaspoortOverviewService>();
        builder.Services.AddScoped<PaspoortDemo>();
        builder.Services.AddScoped<IRosterQualificationRule, PaspoortQualificationRule>();
        return builder;
    }

    /// <summary>The Veiligheidspaspoort part of the contract, and what a mature product adds to it.</summary>
    public static IEndpointRouteBuilder MapPaspoort(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/paspoort").RequireAuthorization().WithTags("Paspoort");
        MapRequirements(api);
        MapRecords(api);
        MapOverviews(api);
        return app;
    }

    private static void MapRequirements(RouteGroupBuilder api)
    {
        api.MapGet("/requirements", async (string? function, PaspoortRequirementService requirements, CancellationToken ct) =>
            Results.Ok((await requirements.ListAsync(function, ct)).Select(RequirementDto.From).ToList()));
        api.MapPost("/requirements", async ([FromBody] CreateRequirementRequest? request, PaspoortRequirementService requirements,
            HttpContext http, CancellationToken ct) =>
        {
            var created = RequirementDto.From(await requirements.CreateAsync(http.Actor(), new NewRequirement(
                request?.Function, request?.Code, request?.Name, ActivityKinds.ParseOptional(request?.Kind, "kind"),
                request?.ValidForMonths, request?.MinimumCount), ct));
            return Results.Created($"/api/paspoort/requirements/{created.Function}/{created.Code}", created);
        });
        api.MapPut("/requirements/{function}/{code}", async (string function, string code, [FromBody] ChangeRequirementRequest? request,
                PaspoortRequirementService requirements, HttpContext http, CancellationToken ct) =>
            Results.Ok(RequirementDto.From(await requirements.ChangeAsync(http.Actor(), function, code, new RequirementChange(
                request?.Name, ActivityKinds.ParseOptional(request?.Kind, "kind"), request?.ValidForMonths, request?.MinimumCount), ct))));
        api.MapDelete("/requirements/{function}/{code}", async (string function, string code, PaspoortRequirementService requirements,
            HttpContext http, CancellationToken ct) =>
        {
            await requirements.RemoveAsync(http.Actor(), function, code, ct);
            return Results.NoContent();
        });
    }

    private static void MapRecords(RouteGroupBuilder api)
    {
        api.MapPost("/records", async ([FromBody] CreateRecordRequest? request, PaspoortRecordService records, HttpContext http, CancellationToken ct) =>
        {
            var personId = request?.PersonId ?? Guid.Empty;
            if (personId == Guid.Empty)
            {
                throw PaspoortRuleRefusals.PersonMissing.RaiseFor("personId");
            }
            var created = RecordDto.From(await records.RecordAsync(http.Actor(), new RecordRequest(
                personId, ActivityKinds.ParseOptional(request!.Kind, "kind"), request.Activity, request.Date, request.Function,
                request.Requirement, RecordResults.ParseOptional(request.Result), request.Notes, request.VoidsRecordId), ct));
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/records/{id:guid}/confirm", async (Guid id, [FromBody] ConfirmRecordRequest? request, PaspoortRecordService records,
            HttpContext http, CancellationToken ct) =>
        {
            var created = RecordDto.From(await records.ConfirmAsync(
                http.Actor(), id, RecordResults.ParseOptional(request?.Result), request?.Notes, ct));
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/records/{id:guid}/withdraw", async (Guid id, [FromBody] WithdrawRecordRequest? request, PaspoortRecordService records,
            HttpContext http, CancellationToken ct) =>
        {
            var created = RecordDto.From(await records.WithdrawAsync(http.Actor(), id, request?.Notes, ct));
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/attendance", async ([FromBody] AttendanceRequest? request, PaspoortRecordService records, HttpContext http, CancellationToken ct) =>
        {
            var saved = await records.RecordAttendanceAsync(http.Actor(), Attendance(request), ct);
            return Results.Created("/api/paspoort/attendance", saved.Select(RecordDto.From).ToList());
        });

        api.MapGet("/drafts", async (PaspoortDraftService drafts, HttpContext http, CancellationToken ct) =>
            Results.Ok((await drafts.PendingAsync(http.Actor(), ct))
                .Select(d => new { person = new PersonRefDto(d.Person.Id, d.Person.Name), record = RecordDto.From(d.Draft) })));
        api.MapPost("/drafts/incidents/{incidentId:guid}", async (Guid incidentId, PaspoortDraftService drafts, HttpContext http, CancellationToken ct) =>
            Results.Ok((await drafts.DraftsFromIncidentAsync(http.Actor(), incidentId, ct)).Select(RecordDto.From).ToList()));
    }

    private static void MapOverviews(RouteGroupBuilder api)
    {
        api.MapGet("/attendance", async (string? from, string? to, string? kind, PaspoortOverviewService overviews, HttpContext http, CancellationToken ct) =>
        {
            var first = Date(from, "from");
            var last = Date(to, "to");
            var only = ActivityKinds.ParseOptional(kind, "kind");
            return Results.Ok((await overviews.AttendanceAsync(http.Actor(), first, last, only, ct)).Select(ActivityDto.From).ToList());
        });
        api.MapGet("/matrix", async (string? function, string? at, PaspoortOverviewService overviews, HttpContext http, CancellationToken ct) =>
            Results.Ok(MatrixDto.From(await overviews.MatrixAsync(http.Actor(), function, Date(at, "at"), ct))));
        api.MapGet("/expiries", async (int? days, PaspoortOverviewService overviews, HttpContext http, CancellationToken ct) =>
            Results.Ok((await overviews.ExpiriesAsync(http.Actor(), days, ct)).Select(PersonExpiriesDto.From).ToList()));

        api.MapGet("/me", async (string? at, PaspoortOverviewService overviews, HttpContext http, CancellationToken ct) =>
            Results.Ok(DossierDto.From(await overviews.MyDossierAsync(http.Actor(), Date(at, "at"), ct))));
        api.MapGet("/{personId:guid}", async (Guid personId, string? at, PaspoortOverviewService overviews, HttpContext http, CancellationToken ct) =>
            Results.Ok(DossierDto.From(await overviews.DossierAsync(http.Actor(), personId, Date(at, "at"), ct))));
        api.MapGet("/{personId:guid}/export", async (Guid personId, string? format, PaspoortOverviewService overviews, DateTimeZone zone,
            HttpContext http, CancellationToken ct) =>
        {
            var csv = format?.Trim().ToLowerInvariant() switch
            {
                null or "" or "html" => false,
                "csv" => true,
                _ => throw PaspoortRefusals.ExportFormatUnknown.RaiseFor("format", ("format", Texts.Shorten(format))),
            };
            var dossier = DossierDto.From(await overviews.DossierAsync(http.Actor(), personId, null, ct));
            if (!csv)
            {
                return Results.Content(PaspoortExport.ToHtml(dossier, zone), "text/html; charset=utf-8");
            }
            return CsvFile.Result(PaspoortExport.ToCsv(dossier, zone),
                $"veiligheidspaspoort-{CsvFile.Slug(dossier.Person.Name)}-{PaspoortExport.Iso(dossier.At)}.csv");
        });
    }

    /// <summary>An attendance list from the wire: each attendee's result read, a missing person as an empty id (the service says so).</summary>
    private static AttendanceList Attendance(AttendanceRequest? request)
    {
        var people = (request?.People ?? [])
            .Select((p, i) => new AttendanceEntry(
                p?.PersonId ?? Guid.Empty, RecordResults.ParseOptional(p?.Result, $"people[{i}].result"), p?.Notes))
            .ToList();
        return new AttendanceList(
            ActivityKinds.ParseOptional(request?.Kind, "kind"), request?.Activity, request?.Date, request?.Function, request?.Requirement, people);
    }

    /// <summary>An optional ISO date from the query string; a clear 400 when it is not one.</summary>
    private static LocalDate? Date(string? value, string field)
    {
        if (TextRules.IsBlank(value))
        {
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        return parsed.Success ? TimeRange.Check(parsed.Value, field)
            : throw PaspoortRefusals.DateUnreadable.RaiseFor(field, ("field", field), ("value", Texts.Shorten(value)));
    }
}
