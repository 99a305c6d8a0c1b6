using Crisis.Domain;
using Crisis.Domain.Teams;
using Crisis.Web.Identity;
using Crisis.Web.Roster;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace Crisis.Web.Teams;

public sealed record ActionSourceRequest(string? Kind, Guid? Id, string? Label);

public sealed record CreateActionRequest(string? Title, Guid? OwnerPersonId, string? Due, string? Activity, ActionSourceRequest? Source);

public sealed record ChangeActionStatusRequest(string? Status, string? Note);

public sealed record CreateMeetingRequest(string? Date, IReadOnlyList<Guid?>? Attendees, string? Notes);

public sealed record ProgressActionDto(Guid Id, string Title, string Owner, LocalDate? Due, string Status, LocalDate Opened, LocalDate? Closed);

public sealed record GroupProgressDto(string Code, string Name, IReadOnlyList<ProgressActionDto> Opened, IReadOnlyList<ProgressActionDto> Done, IReadOnlyList<ProgressActionDto> Overdue);

/// <summary>The voortgangsoverleg as JSON.</summary>
public sealed record ProgressDto(LocalDate Since, LocalDate Today, IReadOnlyList<GroupProgressDto> Groups)
{
    public static ProgressDto From(ProgressReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        static List<ProgressActionDto> Of(IEnumerable<ProgressAction> actions) =>
            actions.Select(a => new ProgressActionDto(a.Id, a.Title, a.Owner, a.Due, a.Status.ToWire(), a.Opened, a.Closed)).ToList();
        return new(report.Since, report.Today, report.Groups.Select(g => new GroupProgressDto(g.Code, g.Name, Of(g.Opened), Of(g.Done), Of(g.Overdue))).ToList());
    }
}

/// <summary>The action lists, meetings and progress report of the working groups (part of the Teams contract).</summary>
public static class ActionEndpoints
{
    public static IEndpointRouteBuilder MapActionLists(this IEndpointRouteBuilder app)
    {
        var teams = app.MapGroup("/api/teams").RequireAuthorization().WithTags("Teams");

        teams.MapGet("/{code}/actions", async (string code, ActionListService actions, HttpContext http, CancellationToken ct) =>
            Results.Ok(await actions.ListAsync(http.Actor(), code, ct)));

        teams.MapPost("/{code}/actions", async (string code, [FromBody] CreateActionRequest? request, ActionListService actions, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ActionHostRefusals.BodyMissing.Raise();
            var source = body.Source is { } s
                ? new ActionSource(ActionNames.ParseSourceKind(s.Kind),
                    s.Id is { } id && id != Guid.Empty ? id : throw ActionHostRefusals.SourceUnknown.RaiseFor("source.id",
                        ("kind", Texts.Shorten(s.Kind ?? "")), ("id", Guid.Empty)),
                    s.Label)
                : null;
            var input = new ActionInput(body.Title, body.OwnerPersonId, RosterWire.ParseDateOrNull(body.Due, "due"), body.Activity, source);
            var created = await actions.CreateAsync(http.Actor(), code, input, ct);
            return Results.Created($"/api/teams/{created.Team}/actions/{created.Id}", created);
        });

        teams.MapPost("/{code}/actions/{id:guid}/status", async (string code, Guid id, [FromBody] ChangeActionStatusRequest? request,
            ActionListService actions, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ActionHostRefusals.BodyMissing.Raise();
            var status = ActionNames.ParseStatus(body.Status);
            return Results.Ok(await actions.ChangeStatusAsync(http.Actor(), code, id, status, body.Note, ct));
        });

        teams.MapGet("/{code}/meetings", async (string code, ActionListService actions, HttpContext http, CancellationToken ct) =>
            Results.Ok(await actions.MeetingsAsync(http.Actor(), code, ct)));

        teams.MapPost("/{code}/meetings", async (string code, [FromBody] CreateMeetingRequest? request, ActionListService actions, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw ActionHostRefusals.BodyMissing.Raise();
            var date = RosterWire.ParseDate(body.Date, "date");
            var attendees = (body.Attendees ?? []).Select((p, i) => p is { } id && id != Guid.Empty
                ? id
                : throw MeetingRefusals.AttendeeUnknown.RaiseFor($"attendees[{i}]", ("personId", Guid.Empty))).ToList();
            var meeting = await actions.CreateMeetingAsync(http.Actor(), code, date, attendees, body.Notes, ct);
            return Results.Created($"/api/teams/{meeting.Team}/meetings/{meeting.Id}", meeting);
        });

        teams.MapGet("/progress", async (string? since, string? format, ActionListService actions, HttpContext http, CancellationToken ct) =>
        {
            var rendering = ProgressFormat(format, http.Request.Headers.Accept.ToString());
            var report = await actions.ProgressAsync(http.Actor(), RosterWire.ParseDate(since, "since"), ct);
            return rendering switch
            {
                "html" => Results.Content(ProgressRendering.ToHtml(report), "text/html; charset=utf-8"),
                "markdown" => Results.Content(ProgressRendering.ToMarkdown(report), "text/markdown; charset=utf-8"),
                _ => Results.Ok(ProgressDto.From(report)),
            };
        });

        app.MapGet("/api/actions", async (bool? mine, bool? overdue, ActionListService actions, HttpContext http, CancellationToken ct) =>
            Results.Ok(await actions.QueryAsync(http.Actor(), mine ?? false, overdue ?? false, ct)))
            .RequireAuthorization().WithTags("Teams");
        return app;
    }

    /// <summary>JSON unless <c>?format=</c> says markdown or html, or (without one) the Accept header asks for Markdown first.</summary>
    internal static string ProgressFormat(string? format, string accept) => format?.Trim().ToLowerInvariant() switch
    {
        "markdown" or "md" => "markdown",
        "html" => "html",
        "json" => "json",
        null or "" => accept.Contains("text/markdown", StringComparison.OrdinalIgnoreCase) ? "markdown"
            : accept.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) ? "html" : "json",
        _ => throw ActionHostRefusals.FormatUnknown.RaiseFor("format", ("format", Texts.Shorten(format))),
    };
}
