using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.Extensions.Options;

namespace Crisis.Web.Roster;

public static partial class RosterEndpoints
{
    /// <summary>Import, export and the hours report.</summary>
    private static void MapTransfer(RouteGroupBuilder api)
    {
        api.MapPost("/import", async (HttpContext http, RosterImport import, Phrasebook phrases, CancellationToken ct) =>
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
                return Results.Ok((await import.ImportAsync(http.Actor(), text, ct)).ToDto(phrases));
            }
            catch (RosterImportException ex)
            {
                return Results.Problem(statusCode: 400, title: "Invalid import", detail: phrases.English(ex.Summary),
                    extensions: new Dictionary<string, object?> { ["code"] = ex.Summary.Code.Code, ["errors"] = ex.Errors.ToDtos(phrases) });
            }
        }).Accepts<string>("text/csv");
        api.MapGet("/export", async (string? function, string? from, string? to, RosterReports reports, CancellationToken ct) =>
        {
            var (f, a, b) = (Blank(function), RosterWire.ParseDateOrNull(from, "from"), RosterWire.ParseDateOrNull(to, "to"));
            return CsvFile.Result(await reports.ExportAsync(f, a, b, ct), RosterReports.ExportFileName(f, a, b));
        });
        api.MapGet("/reports/hours", async (string? month, string? format, RosterReports reports, HttpContext http, CancellationToken ct) =>
        {
            var csv = format?.ToLowerInvariant() switch
            {
                null or "" or "json" => false,
                "csv" => true,
                _ => throw RosterWireRefusals.FormatUnknown.RaiseFor("format", ("format", format)),
            };
            var report = (await reports.HoursAsync(http.Actor(), RosterWire.ParseMonth(month, "month"), ct)).ToDto();
            return csv ? CsvFile.Result(RosterReports.HoursCsv(report), $"urenoverzicht-{report.Month}.csv") : Results.Ok(report);
        });
    }

    /// <summary>The calendar of one person, their subscription link, and the feed behind it.</summary>
    private static void MapFeeds(RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        api.MapGet("/calendar/{personId:guid}.ics", async (Guid personId, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
            Results.Text(await feeds.CalendarAsync(http.Actor(), personId, ct), "text/calendar; charset=utf-8"));
        api.MapPost("/calendar/{personId:guid}/subscription", async (
            Guid personId, CalendarFeeds feeds, IOptions<CrisisOptions> site, HttpContext http, CancellationToken ct) =>
        {
            var baseUri = site.Value.SiteBase(new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"));
            var subscription = await feeds.SubscribeAsync(http.Actor(), personId, baseUri, ct);
            return Results.Created(subscription.Url, subscription.ToDto());
        });
        api.MapDelete("/calendar/{personId:guid}/subscription", async (Guid personId, CalendarFeeds feeds, HttpContext http, CancellationToken ct) =>
        {
            await feeds.RevokeAsync(http.Actor(), personId, ct);
            return Results.NoContent();
        });

        // Calendar clients (Outlook, Google) cannot sign in: the secret token in the URL is the authorisation.
        // An unknown or revoked token is a plain 404, so the URL space reveals nothing.
        app.MapGet("/feeds/roster/{token}.ics", async (string token, CalendarFeeds feeds, Phrasebook phrases, CancellationToken ct) =>
        {
            var feed = token.Length is > 20 and < 100 ? await feeds.FeedAsync(token, ct) : null;
            return feed is null
                ? Results.Problem(statusCode: 404, title: "Not found", detail: phrases.English(RosterServiceRefusals.FeedNotFound.With()))
                : Results.Text(feed, "text/calendar; charset=utf-8");
        }).AllowAnonymous().WithTags("Roster");
    }
}
