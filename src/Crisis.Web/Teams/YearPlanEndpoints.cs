using System.Globalization;
using System.Net;
using System.Text;
using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Domain.Teams;
using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Crisis.Web.Roster;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Teams;

public sealed record PlanCostsRequest(decimal? Amount, string? Note);

public sealed record PlanActivityRequest(
    string? Code, string? Title, string? Team, Guid? ContactPersonId, string? Goal, IReadOnlyList<string?>? Audience, string? Description,
    string? Result, IReadOnlyList<int>? Quarters, PlanCostsRequest? Costs, string? Status, string? Kind, string? Requirement)
{
    public PlanActivityInput ToInput() => new(
        Code, Title, Team, ContactPersonId, Goal, Audience, Description, Result, Quarters, Costs?.Amount, Costs?.Note, Status, Kind, Requirement);
}

public sealed record PlanSessionAttendeeRequest(Guid? PersonId, string? Result);

public sealed record PlanSessionRequest(string? Date, IReadOnlyList<PlanSessionAttendeeRequest?>? Attendees);

public sealed record PlanImportErrorDto(int Line, string? Field, string Message);

/// <summary>The OTO year plan (jaarplan) part of the contract.</summary>
public static class YearPlanEndpoints
{
    public static IEndpointRouteBuilder MapYearPlan(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/yearplan/{year:int}").RequireAuthorization().WithTags("Teams");

        api.MapGet("/activities", async (int year, YearPlanService plan, HttpContext http, CancellationToken ct) =>
            Results.Ok(await plan.ActivitiesAsync(http.Actor(), year, ct)));

        api.MapPost("/activities", async (int year, [FromBody] PlanActivityRequest? request, YearPlanService plan, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw YearPlanHostRefusals.BodyMissing.Raise();
            var created = await plan.CreateAsync(http.Actor(), year, body.ToInput(), ct);
            return Results.Created($"/api/yearplan/{year}/activities/{created.Code}", created);
        });

        api.MapPut("/activities/{code}", async (int year, string code, [FromBody] PlanActivityRequest? request, YearPlanService plan, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw YearPlanHostRefusals.BodyMissing.Raise();
            return Results.Ok(await plan.UpdateAsync(http.Actor(), year, code, body.ToInput(), ct));
        });

        api.MapDelete("/activities/{code}", async (int year, string code, YearPlanService plan, HttpContext http, CancellationToken ct) =>
        {
            await plan.DeleteAsync(http.Actor(), year, code, ct);
            return Results.NoContent();
        });

        api.MapPost("/activities/{code}/sessions", async (int year, string code, [FromBody] PlanSessionRequest? request, YearPlanService plan,
            HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw YearPlanHostRefusals.BodyMissing.Raise();
            var date = RosterWire.ParseDate(body.Date, "date");
            var attendees = (body.Attendees ?? []).Select((a, i) => new PlanSessionAttendee(
                a?.PersonId is { } id && id != Guid.Empty ? id : throw YearPlanHostRefusals.AttendeeMissing.RaiseFor($"attendees[{i}].personId"),
                RecordResults.ParseOptional(a.Result, $"attendees[{i}].result"))).ToList();
            var activity = await plan.RegisterSessionAsync(http.Actor(), year, code, date, attendees, ct);
            return Results.Created($"/api/yearplan/{year}/activities/{activity.Code}", activity);
        });

        api.MapGet("", async (int year, string? format, YearPlanService plan, HttpContext http, CancellationToken ct) =>
        {
            switch (format?.Trim().ToLowerInvariant())
            {
                case null or "" or "json":
                    return Results.Ok(await plan.PlanAsync(http.Actor(), year, ct));
                case "csv":
                    return CsvFile.Result(await plan.CsvAsync(http.Actor(), year, ct), $"jaarplan-oto-{year}.csv");
                case "html":
                    return Results.Content(YearPlanRendering.ToHtml(await plan.PlanAsync(http.Actor(), year, ct)), "text/html; charset=utf-8");
                default:
                    throw YearPlanHostRefusals.FormatUnknown.RaiseFor("format", ("format", Texts.Shorten(format)));
            }
        });

        api.MapPost("/import", async (int year, HttpContext http, YearPlanService plan, Phrasebook phrases, CancellationToken ct) =>
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var text = CsvFile.StripBom(await reader.ReadToEndAsync(ct));
            try
            {
                return Results.Ok(await plan.ImportAsync(http.Actor(), year, text, ct));
            }
            catch (YearPlanImportException ex)
            {
                return Results.Problem(statusCode: 400, title: "Invalid import", detail: phrases.English(ex.Summary),
                    extensions: new Dictionary<string, object?>
                    {
                        ["code"] = ex.Summary.Code.Code,
                        ["errors"] = ex.Errors.Select(e => new PlanImportErrorDto(e.Line, e.Field, phrases.English(e.Problem))).ToList(),
                    });
            }
        }).Accepts<string>("text/csv");

        api.MapPost("/copy-to/{next:int}", async (int year, int next, YearPlanService plan, HttpContext http, CancellationToken ct) =>
            Results.Ok(await plan.CopyAsync(http.Actor(), year, next, ct)));
        return app;
    }
}

/// <summary>The printable year plan: per working group its activities with quarters, contact, audience and costs.</summary>
public static class YearPlanRendering
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static string Euro(decimal amount) => "€ " + amount.ToString("#,##0.##", Dutch);

    public static string ToHtml(YearPlanDto plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        static string H(string? s) => WebUtility.HtmlEncode(s ?? "");
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Jaarplan OTO Bevolkingszorg {plan.Year}</title>");
        sb.AppendLine("<style>body{font-family:system-ui,Arial,sans-serif;margin:1.5rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1rem}"
            + "th,td{border:1px solid #999;padding:.25rem .4rem;vertical-align:top;font-size:.85rem}th{background:#eee}.q{text-align:center;width:2.5rem}"
            + ".n{text-align:right;white-space:nowrap}@media print{body{margin:0}h2{page-break-after:avoid}}</style></head><body>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"<h1>Jaarplan OTO Bevolkingszorg {plan.Year}</h1>");
        foreach (var g in plan.Groups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<h2>{H(g.Name)}</h2>");
            sb.AppendLine("<table><thead><tr><th>Code</th><th>Activiteit</th><th>Contactpersoon</th><th>Doelgroep</th><th class=\"q\">Q1</th><th class=\"q\">Q2</th><th class=\"q\">Q3</th><th class=\"q\">Q4</th><th>Status</th><th>Deelname</th><th class=\"n\">Kosten</th></tr></thead><tbody>");
            foreach (var a in g.Activities)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{H(a.Code)}</td><td>{H(a.Title)}</td><td>{H(a.Contact?.Name)}</td><td>{H(string.Join(", ", a.Audience))}</td>");
                for (var q = 1; q <= 4; q++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<td class=\"q\">{(a.Quarters.Contains(q) ? "X" : "")}</td>");
                }
                var status = PlanNames.Statuses.TryParse(a.Status, out var s) ? s.ToDutch() : a.Status;
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"<td>{H(status)}</td><td>{a.Attendance.Attended} van {a.Attendance.Audience}</td><td class=\"n\">{(a.Costs is { } c ? H(Euro(c.Amount)) : "")}</td></tr>");
            }
            sb.AppendLine(CultureInfo.InvariantCulture, $"</tbody><tfoot><tr><th colspan=\"10\">Totaal {H(g.Name)}</th><th class=\"n\">{H(Euro(g.Costs))}</th></tr></tfoot></table>");
        }
        sb.AppendLine(CultureInfo.InvariantCulture, $"<p><strong>Totaal {plan.Year}: {H(Euro(plan.Costs))}</strong></p></body></html>");
        return sb.ToString();
    }
}
