using Crisis.Web.Identity;
using Crisis.Domain;
using Crisis.Web.Incidents;
using Crisis.Web.Roster;
using MassTransit;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using NodaTime.Text;

namespace Crisis.Web.Paspoort;

public static class PaspoortEndpoints
{
    public static WebApplicationBuilder AddPaspoort(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PaspoortService>();
        builder.Services.AddScoped<PaspoortUi>();
        builder.Services.AddScoped<PaspoortDemo>();
        builder.Services.AddScoped<IRosterQualificationRule, PaspoortQualificationRule>();
        return builder;
    }

    /// <summary>The Veiligheidspaspoort part of the contract, and what a mature product adds to it.</summary>
    public static IEndpointRouteBuilder MapPaspoort(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/paspoort").RequireAuthorization().WithTags("Paspoort");

        api.MapGet("/requirements", async (string? function, PaspoortService paspoort, CancellationToken ct) =>
            Results.Ok(await paspoort.ListRequirementsAsync(function, ct)));
        api.MapPost("/requirements", async ([FromBody] CreateRequirementRequest? request, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
        {
            var created = await paspoort.CreateRequirementAsync(http.Actor(), request, ct);
            return Results.Created($"/api/paspoort/requirements/{created.Function}/{created.Code}", created);
        });
        api.MapPut("/requirements/{function}/{code}", async (string function, string code, [FromBody] ChangeRequirementRequest? request,
                PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.ChangeRequirementAsync(http.Actor(), function, code, request, ct)));
        api.MapDelete("/requirements/{function}/{code}", async (string function, string code, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
        {
            await paspoort.RemoveRequirementAsync(http.Actor(), function, code, ct);
            return Results.NoContent();
        });

        api.MapPost("/records", async ([FromBody] CreateRecordRequest? request, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
        {
            var created = await paspoort.RecordAsync(http.Actor(), request, ct);
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/records/{id:guid}/confirm", async (Guid id, [FromBody] ConfirmRecordRequest? request, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
        {
            var created = await paspoort.ConfirmAsync(http.Actor(), id, request, ct);
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/records/{id:guid}/withdraw", async (Guid id, [FromBody] WithdrawRecordRequest? request, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
        {
            var created = await paspoort.WithdrawAsync(http.Actor(), id, request, ct);
            return Results.Created($"/api/paspoort/{created.PersonId}", created);
        });
        api.MapPost("/attendance", async ([FromBody] AttendanceRequest? request, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Created("/api/paspoort/attendance", await paspoort.RecordAttendanceAsync(http.Actor(), request, ct)));
        api.MapGet("/attendance", async (string? from, string? to, string? kind, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.AttendanceAsync(http.Actor(), Date(from, "from"), Date(to, "to"), kind, ct)));

        api.MapGet("/drafts", async (PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok((await paspoort.PendingDraftsAsync(http.Actor(), ct))
                .Select(d => new { person = d.Person, record = d.Record })));
        api.MapPost("/drafts/incidents/{incidentId:guid}", async (Guid incidentId, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.DraftsFromIncidentAsync(http.Actor(), incidentId, ct)));

        api.MapGet("/matrix", async (string? function, string? at, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.MatrixAsync(http.Actor(), function, Date(at, "at"), ct)));
        api.MapGet("/expiries", async (int? days, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.ExpiriesAsync(http.Actor(), days, ct)));

        api.MapGet("/me", async (string? at, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.MyDossierAsync(http.Actor(), Date(at, "at"), ct)));
        api.MapGet("/{personId:guid}", async (Guid personId, string? at, PaspoortService paspoort, HttpContext http, CancellationToken ct) =>
            Results.Ok(await paspoort.DossierAsync(http.Actor(), personId, Date(at, "at"), ct)));
        api.MapGet("/{personId:guid}/export", async (Guid personId, string? format, PaspoortService paspoort, DateTimeZone zone, HttpContext http, CancellationToken ct) =>
        {
            var csv = format?.Trim().ToLowerInvariant() switch
            {
                null or "" or "html" => false,
                "csv" => true,
                _ => throw LegacyRefusals.Of(ViolationKind.Invalid, $"Unknown format '{Texts.Shorten(format)}'; use html (the default) or csv.", "format"),
            };
            var dossier = await paspoort.DossierAsync(http.Actor(), personId, null, ct);
            if (!csv)
            {
                return Results.Content(PaspoortExport.ToHtml(dossier, zone), "text/html; charset=utf-8");
            }
            var file = $"veiligheidspaspoort-{Slug(dossier.Person.Name)}-{PaspoortExport.Iso(dossier.At)}.csv";
            // A byte-order mark, so that spreadsheets read the accents right.
            var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(PaspoortExport.ToCsv(dossier, zone))).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", file);
        });
        return app;
    }

    /// <summary>An optional ISO date from the query string; a clear 400 when it is not one.</summary>
    private static LocalDate? Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        return parsed.Success ? parsed.Value
            : throw LegacyRefusals.Of(ViolationKind.Invalid, $"{field} must be a date such as 2026-03-23; '{Texts.Shorten(value)}' is not.", field);
    }


    private static string Slug(string name) =>
        new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}

/// <summary>
/// Evidence from real work: when an incident closes, its participants who took part in a function get draft records.
/// Runs on every node; <see cref="PaspoortService.CreateDraftsAsync"/> is idempotent, so that is harmless.
/// </summary>
public sealed class PaspoortDraftsConsumer(PaspoortService paspoort) : IConsumer<IncidentChanged>
{
    public async Task Consume(ConsumeContext<IncidentChanged> context)
    {
        if (context.Message.Incident.Status == "closed")
        {
            await paspoort.CreateDraftsAsync(context.Message.Incident.Id, context.CancellationToken);
        }
    }
}
