using Crisis.Domain.Teams;
using Crisis.Web.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Teams;

public sealed record TeamMemberDto(Guid PersonId, string Name, string Role);

public sealed record TeamDto(string Code, string Name, string Kind, string? HeadFunction, IReadOnlyList<TeamMemberDto> Members)
{
    public static TeamDto From(Team team, IReadOnlyDictionary<Guid, string> names) =>
        new(team.Code, team.Name, team.Kind.ToWire(), team.HeadFunction,
            team.Members.Select(m => new TeamMemberDto(m.PersonId, names.GetValueOrDefault(m.PersonId, ""), m.Role.ToWire())).ToList());
}

public sealed record CreateTeamRequest(string? Code, string? Name, string? Kind, string? HeadFunction);

public sealed record TeamMemberRequest(Guid? PersonId, string? Role);

public sealed record SetTeamMembersRequest(IReadOnlyList<TeamMemberRequest?>? Members);

public static class TeamEndpoints
{
    public static WebApplicationBuilder AddTeams(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<TeamService>();
        builder.Services.AddScoped<ActionListService>();
        builder.Services.AddScoped<YearPlanService>();
        builder.Services.AddScoped<YearPlanDemo>();
        builder.Services.AddScoped<LeerprikkelService>();
        builder.Services.AddScoped<LeerprikkelDemo>();
        builder.Services.AddSingleton<LeerprikkelScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<LeerprikkelScheduler>());
        builder.Services.AddHostedService<TeamSeeder>();
        return builder;
    }

    /// <summary>The Teams part of the contract: list, create, and staff teams and working groups.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/teams").RequireAuthorization().WithTags("Teams");

        api.MapGet("/", async (TeamService teams, CancellationToken ct) =>
        {
            var list = await teams.ListAsync(ct);
            var names = await teams.NamesAsync(list, ct);
            return Results.Ok(list.Select(t => TeamDto.From(t, names)));
        });

        api.MapPost("/", async ([FromBody] CreateTeamRequest? request, TeamService teams, HttpContext http, CancellationToken ct) =>
        {
            var body = request ?? throw TeamsHostRefusals.BodyMissing.Raise();
            var kind = TeamNames.ParseKind(body.Kind);
            var team = await teams.CreateAsync(http.Actor(), body.Code, body.Name, kind, body.HeadFunction, ct);
            return Results.Created($"/api/teams/{team.Code}", TeamDto.From(team, new Dictionary<Guid, string>()));
        });

        api.MapPut("/{code}/members", async (string code, [FromBody] SetTeamMembersRequest? request, TeamService teams, HttpContext http, CancellationToken ct) =>
        {
            var members = (request?.Members ?? throw TeamsHostRefusals.BodyMissing.RaiseFor("members"))
                .Select((m, i) => new TeamMember(
                    m?.PersonId ?? throw TeamsRefusals.MemberUnknown.RaiseFor($"members[{i}].personId", ("personId", Guid.Empty)),
                    TeamNames.ParseRole(m.Role, $"members[{i}].role")))
                .ToList();
            var team = await teams.SetMembersAsync(http.Actor(), code, members, ct);
            return Results.Ok(TeamDto.From(team, await teams.NamesAsync([team], ct)));
        });
        app.MapActionLists();
        app.MapYearPlan();
        app.MapLeerprikkelaar();
        return app;
    }
}
