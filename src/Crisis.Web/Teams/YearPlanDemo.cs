using Crisis.Domain;
using Crisis.Domain.Organisation;
using Crisis.Domain.Teams;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>
/// The demo's working groups and OTO year plan, seeded through the services as a coordinator would: the four groups
/// staffed (a chair and at least two members), a meeting each with a few actions (one overdue), and the year plan of
/// the current year in the shape of the paper plan, with invented contact persons from the demo region.
/// </summary>
public sealed class YearPlanDemo(TeamService teams, ActionListService actions, YearPlanService plan, CrisisDbContext db)
{
    private static readonly (string Team, string Chair, string[] Members)[] Groups =
    [
        (TeamCatalogue.WgPim, "pim@lagelanden.example", ["k.hendriks@groenmeer.example", "d.koster@tolhuizen.example", "e.vandam@dijkerwaard.example"]),
        (TeamCatalogue.WgOmgevingszorg, "omgevingszorg@lagelanden.example", ["j.willems@hasselburg.example", "a.peters@rietwijk.example"]),
        (TeamCatalogue.WgOndersteuning, "h.jonker@aldervoort.example", ["m.deboer@kraaiendam.example", "s.claassen@noordhaven.example"]),
        (TeamCatalogue.WgOto, "oefenleider@lagelanden.example", ["y.smit@noordhaven.example", "g.postma@lindewold.example", "ovd@lagelanden.example"]),
    ];

    private sealed record Planned(
        string Code, string Title, string Team, string Contact, string[] Audience, int[] Quarters, decimal? Costs, string Status, string? Kind,
        string? Requirement, string? Goal = null);

    private static readonly Planned[] Activities =
    [
        new("A1", "Slachtofferinformatie", TeamCatalogue.WgPim, "k.hendriks@groenmeer.example", [FunctionCatalogue.HoofdPubliekeZorg], [2], 1500m, "planned", "training", null,
            "Het proces slachtofferinformatie (SIS) kennen en kunnen starten"),
        new("A2", "Oefening opvang en verzorging", TeamCatalogue.WgPim, "pim@lagelanden.example", [FunctionCatalogue.HoofdPubliekeZorg], [3], 2500m, "preparing", "exercise",
            $"{FunctionCatalogue.HoofdPubliekeZorg}/HPZ-OEFENING"),
        new("A3", "Crisiscommunicatie met de gemeenten", TeamCatalogue.WgPim, "d.koster@tolhuizen.example", [FunctionCatalogue.HoofdPubliekeZorg], [4], 800m, "idea", "training", null),
        new("B1", "Opleiding Hoofd Omgevingszorg", TeamCatalogue.WgOmgevingszorg, "j.willems@hasselburg.example", [FunctionCatalogue.HoofdOmgevingszorg], [1], 3000m, "done", "course",
            $"{FunctionCatalogue.HoofdOmgevingszorg}/HOZ-BASIS"),
        new("B3", "Simulatie-oefening Omgevingszorg", TeamCatalogue.WgOmgevingszorg, "a.peters@rietwijk.example", [FunctionCatalogue.HoofdOmgevingszorg], [2, 4], 4500m, "planned", "exercise",
            $"{FunctionCatalogue.HoofdOmgevingszorg}/HOZ-OEFENING", "Samenwerking met milieudienst en waterschap oefenen"),
        new("C1", "Trainingen telefoonteam", TeamCatalogue.WgOndersteuning, "s.claassen@noordhaven.example", [FunctionCatalogue.HoofdOndersteuning], [1, 3], 1200m, "planned", "training", null),
        new("C2", "Oefening logistiek ROT", TeamCatalogue.WgOndersteuning, "h.jonker@aldervoort.example", [FunctionCatalogue.HoofdOndersteuning], [3], 900m, "idea", "exercise", null),
        new("D1", "Basisopleiding OvD-BZ", TeamCatalogue.WgOto, "y.smit@noordhaven.example", [FunctionCatalogue.OvdBz], [1], 6000m, "done", "course", $"{FunctionCatalogue.OvdBz}/OVD-BASIS"),
        new("D2", "LCMS-trainingen", TeamCatalogue.WgOto, "g.postma@lindewold.example", [FunctionCatalogue.OvdBz, FunctionCatalogue.AcBz, FunctionCatalogue.Hin], [1, 2, 3, 4], 4000m,
            "planned", "training", $"{FunctionCatalogue.OvdBz}/LCMS-TRAINING"),
        new("D3", "COPI-oefening OvD-BZ", TeamCatalogue.WgOto, "oefenleider@lagelanden.example", [FunctionCatalogue.OvdBz], [2, 4], 3500m, "planned", "exercise", $"{FunctionCatalogue.OvdBz}/OVD-OEFENING"),
        new("D5", "Leerprikkelaar", TeamCatalogue.WgOto, "y.smit@noordhaven.example", [FunctionCatalogue.OvdBz, FunctionCatalogue.AcBz, FunctionCatalogue.Hin], [1, 2, 3, 4], 0m,
            "planned", "training", null, "Elke maand een vraag of opdracht om kennis levend te houden"),
        new("E8", "Terrorismegevolgbestrijding", TeamCatalogue.WgOto, "oefenleider@lagelanden.example", [FunctionCatalogue.AcBz, FunctionCatalogue.OvdBz], [3], 7500m, "preparing", "exercise",
            $"{FunctionCatalogue.AcBz}/AC-OEFENING"),
        new("E10", "Evaluatie en nieuw jaarplan", TeamCatalogue.WgOto, "oefenleider@lagelanden.example", [], [4], null, "idea", null, null),
    ];

    public async Task SeedAsync(Actor coordinator, CancellationToken ct = default)
    {
        var byEmail = await db.Set<PersonRecord>().AsNoTracking().ToDictionaryAsync(p => p.NormalizedEmail, p => p.Id, ct);
        Guid Id(string email) => byEmail[Texts.NormalizeEmail(email)];
        var today = actions.Today;
        foreach (var (team, chair, members) in Groups)
        {
            await teams.SetMembersAsync(coordinator, team,
                [new TeamMember(Id(chair), TeamRole.Chair), .. members.Select(m => new TeamMember(Id(m), TeamRole.Member))], ct);
            var meeting = await actions.CreateMeetingAsync(coordinator, team, today.PlusDays(-14), [Id(chair), .. members.Select(m => Id(m))],
                "Tweewekelijks overleg: actielijst doorgenomen.", ct);
            var source = new ActionSource(ActionSourceKind.Meeting, meeting.Id, "Overleg");
            await actions.CreateAsync(coordinator, team, new ActionInput("Draaiboek van de werkgroep actualiseren", Id(members[0]), today.PlusDays(21), null, source), ct);
            await actions.CreateAsync(coordinator, team, new ActionInput("Bereikbaarheidslijst controleren", Id(members[1]), today.PlusDays(7), null, source), ct);
        }
        // One overdue action, on the OTO group's list: the planning of the LCMS trainings.
        await actions.CreateAsync(coordinator, TeamCatalogue.WgOto,
            new ActionInput("Data LCMS-trainingen vastleggen met het LCMS-team", Id("g.postma@lindewold.example"), today.PlusDays(-5), "D2", null), ct);

        foreach (var a in Activities)
        {
            await plan.CreateAsync(coordinator, today.Year, new PlanActivityInput(
                a.Code, a.Title, a.Team, Id(a.Contact), a.Goal, a.Audience, null, null, a.Quarters, a.Costs, null, a.Status, a.Kind, a.Requirement), ct);
        }
    }
}
