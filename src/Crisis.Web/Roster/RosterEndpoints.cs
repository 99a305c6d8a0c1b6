using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Roster;

/// <summary>
/// The Roster part of the contract and its additions (swaps, rotations, import/export, feeds): the one place where
/// the API's strings are parsed (<see cref="RosterWire"/>, 400s naming the field) and results become DTOs.
/// </summary>
public static partial class RosterEndpoints
{
    public static WebApplicationBuilder AddRoster(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RosterOptions>()
            .Bind(builder.Configuration.GetSection(RosterOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<RosterLookup>();
        builder.Services.AddScoped<RosterQualification>();
        builder.Services.AddScoped<CoverageCalculator>();
        builder.Services.AddScoped<RosterCommit>();
        builder.Services.AddScoped<ShiftService>();
        builder.Services.AddScoped<CoverageService>();
        builder.Services.AddScoped<SwapService>();
        builder.Services.AddScoped<RotationService>();
        builder.Services.AddScoped<UnavailabilityService>();
        builder.Services.AddScoped<RosterImport>();
        builder.Services.AddScoped<RosterReports>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddSingleton<RosterNotifier>();
        builder.Services.AddScoped<RosterDemo>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRoster(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/roster").RequireAuthorization().WithTags("Roster");
        MapShifts(api);
        MapCoverage(api);
        MapChanges(api, app.MapGroup("/api/people").RequireAuthorization().WithTags("Roster"));
        MapTransfer(api);
        MapFeeds(api, app);
        return app;
    }

    private static void MapShifts(RouteGroupBuilder api)
    {
        api.MapPost("/shifts", async ([FromBody] ShiftRequest? request, ShiftService shifts, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
        {
            var shift = await shifts.CreateAsync(http.Actor(), ShiftInputOf(request), ct);
            return Results.Created($"/api/roster/shifts/{shift.Id}", shift.ToDto(phrases));
        });
        api.MapGet("/shifts", async (string? function, string? from, string? to, Guid? personId, ShiftService shifts, Phrasebook phrases, CancellationToken ct) =>
            Results.Ok((await shifts.ListAsync(Blank(function), RosterWire.ParseDateOrNull(from, "from"), RosterWire.ParseDateOrNull(to, "to"), personId, ct))
                .ToDtos(phrases)));
        api.MapGet("/shifts/{id:guid}", async (Guid id, ShiftService shifts, Phrasebook phrases, CancellationToken ct) =>
            Results.Ok((await shifts.GetAsync(id, ct)).ToDto(phrases)));
        api.MapPut("/shifts/{id:guid}", async (Guid id, [FromBody] ShiftRequest? request, ShiftService shifts, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await shifts.UpdateAsync(http.Actor(), id, ShiftInputOf(request), ct)).ToDto(phrases)));
        api.MapPost("/shifts/{id:guid}/override", async (Guid id, [FromBody] OverrideRequest? request, ShiftService shifts, Phrasebook phrases, HttpContext http, CancellationToken ct) =>
            Results.Ok((await shifts.OverrideAsync(http.Actor(), id, RosterWire.PersonId(request?.PersonId, "personId"), ct)).ToDto(phrases)));
        api.MapDelete("/shifts/{id:guid}", async (Guid id, ShiftService shifts, HttpContext http, CancellationToken ct) =>
        {
            await shifts.DeleteAsync(http.Actor(), id, ct);
            return Results.NoContent();
        });
    }

    private static void MapCoverage(RouteGroupBuilder api)
    {
        api.MapGet("/coverage", async (string? function, string? from, string? to, CoverageService coverage, CancellationToken ct) =>
        {
            var code = RosterWire.FunctionText(function);
            return Results.Ok((await coverage.CoverageAsync(code, RosterWire.ParseDate(from, "from"), RosterWire.ParseDate(to, "to"), ct)).ToDto());
        });
        api.MapGet("/coverage/region", async (string? from, string? to, CoverageService coverage, CancellationToken ct) =>
            Results.Ok((await coverage.RegionCoverageAsync(RosterWire.ParseDate(from, "from"), RosterWire.ParseDate(to, "to"), ct)).ToDto()));
        api.MapGet("/gaps", async (int? days, CoverageService coverage, CancellationToken ct) =>
            Results.Ok((await coverage.UpcomingGapsAsync(days, ct)).Select(c => c.ToDto())));

        // The contract's array of who is on call; /oncall/next gives the fallback in the same shape, /oncall/overview both per function.
        api.MapGet("/oncall", async (string? function, string? at, CoverageService coverage, CancellationToken ct) =>
            Results.Ok((await OnCallAsync(coverage, function, at, ct)).SelectMany(o => o.OnCall)));
        api.MapGet("/oncall/next", async (string? function, string? at, CoverageService coverage, CancellationToken ct) =>
            Results.Ok((await OnCallAsync(coverage, function, at, ct)).SelectMany(o => o.Next)));
        api.MapGet("/oncall/overview", async (string? function, string? at, CoverageService coverage, CancellationToken ct) =>
            Results.Ok(await OnCallAsync(coverage, function, at, ct)));
    }

    private static async Task<List<OnCallOverviewDto>> OnCallAsync(CoverageService coverage, string? function, string? at, CancellationToken ct)
    {
        var instant = Crisis.Domain.TextRules.IsBlank(at) ? (NodaTime.Instant?)null : RosterWire.ParseInstant(at, "at");
        return (await coverage.OnCallAsync(Blank(function), instant, ct)).Select(o => o.ToDto()).ToList();
    }

    private static ShiftInput ShiftInputOf(ShiftRequest? request)
    {
        if (request is null)
        {
            throw RosterWireRefusals.ShiftBodyMissing.Raise();
        }
        var function = RosterWire.FunctionText(request.Function);
        var person = RosterWire.PersonId(request.PersonId, "personId");
        return new ShiftInput(function, person, RosterWire.ParseLocal(request.Start, "start"), RosterWire.ParseLocal(request.End, "end"));
    }

    /// <summary>An optional query string: blank is absent.</summary>
    private static string? Blank(string? text) => Crisis.Domain.TextRules.IsBlank(text) ? null : text;
}
