using System.Text;
using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;

namespace Crisis.Web.Demo;

public sealed record DemoLogin(string Email, string Name, string Role);

/// <summary>
/// Fills an empty database with the demo region: users for every role and a few incidents with a realistic log,
/// one of them an exercise. Refuses a database that already has users.
/// </summary>
public sealed class DemoSeeder(UserAdministration users, IncidentService incidents)
{
    private static readonly (string Email, string Name, CrisisRole Role)[] People =
    [
        ("coordinator@lagelanden.example", "Marloes Verhagen", CrisisRole.Coordinator),
        ("ovd@lagelanden.example", "Jeroen Bakhuis", CrisisRole.Officer),
        ("hin@lagelanden.example", "Fatima El Amrani", CrisisRole.Officer),
        ("pim@lagelanden.example", "Sanne Kuipers", CrisisRole.Member),
        ("omgevingszorg@lagelanden.example", "Pieter de Graaf", CrisisRole.Member),
        ("oefenleider@lagelanden.example", "Ilse Brouwer", CrisisRole.ExerciseLead),
        ("meelezer@lagelanden.example", "Tom Janssen", CrisisRole.Viewer),
    ];

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken ct = default)
    {
        if (await users.AnyUsersAsync())
        {
            throw RuleViolationException.Conflict("The database already has users; the demo region is only seeded into an empty database.");
        }
        var system = Actor.System("seed-demo");
        var actors = new Dictionary<string, Actor>();
        foreach (var (email, name, role) in People)
        {
            var user = await users.AddUserAsync(email, name, role.ToWire(), DemoRegion.Password, system);
            actors[email.Split('@')[0]] = new Actor(user.Id, name, email, role, "seed-demo");
        }
        var (coordinator, ovd, hin, pim, omg, lead) =
            (actors["coordinator"], actors["ovd"], actors["hin"], actors["pim"], actors["omgevingszorg"], actors["oefenleider"]);

        // 1. A fire at a company building, GRIP 2, with the whole column at work.
        var fire = await incidents.OpenAsync(ovd, new("Grote brand bedrijfspand Industrieweg", false, "Beekhuizen", 1), ct);
        foreach (var email in new[] { hin.Email, pim.Email, omg.Email, "meelezer@lagelanden.example" })
        {
            await incidents.AddParticipantAsync(ovd, fire.Id, email, ct);
        }
        await Write(ovd, fire.Id, "info", "Melding via meldkamer: uitslaande brand in bedrijfspand aan de Industrieweg 14, veel rookontwikkeling richting woonwijk De Hoven.", null);
        await Write(ovd, fire.Id, "situation", "Brand in opslaghal van ca. 2.000 m². Rookpluim trekt naar het noordoosten over de wijk De Hoven (ca. 1.200 woningen). Geen slachtoffers bekend.", null);
        await incidents.ChangeGripAsync(ovd, fire.Id, 2, ct);
        await Write(hin, fire.Id, "assessment", "Rook bevat mogelijk asbest (dakbeschot uit 1975). Advies GHOR: ramen en deuren sluiten, ventilatie uit.", null);
        await Write(ovd, fire.Id, "decision", "NL-Alert uitsturen voor De Hoven: ramen en deuren sluiten, ventilatie uitzetten.", null);
        await Write(pim, fire.Id, "situation", "Opvanglocatie sporthal De Wissel staat klaar voor maximaal 150 personen; 12 bewoners van de Fabrieksstraat zijn geëvacueerd.", "PIM");
        var action = await Write(pim, fire.Id, "action", "Verzorging (koffie, dekens) regelen in sporthal De Wissel — eigenaar: Sanne Kuipers, gereed 15:30.", "PIM");
        await Write(omg, fire.Id, "situation", "Asbestdeeltjes aangetroffen op speelplaats Lindenlaan en in twee voortuinen.", "Omgevingszorg");
        var wrong = await Write(omg, fire.Id, "action", "Saneringsbedrijf inschakelen voor Lindenlaan — eigenaar: Pieter de Graaf.", "Ondersteuning");
        await Write(omg, fire.Id, "action", "Saneringsbedrijf inschakelen voor Lindenlaan en omliggende tuinen — eigenaar: Pieter de Graaf, gereed morgen 10:00.", "Omgevingszorg", correctsSeq: wrong.Seq);
        await Write(omg, fire.Id, "decision", "Speelplaats Lindenlaan afgesloten tot na sanering.", "Omgevingszorg");
        await Write(pim, fire.Id, "info", "Verzorging in sporthal De Wissel is op orde.", "PIM", completesSeq: action.Seq);
        await Write(hin, fire.Id, "action", "Publieksinformatie bijwerken op de website van de gemeente — eigenaar: Fatima El Amrani.", null);

        // 2. Flooding after a storm, GRIP 1.
        var flood = await incidents.OpenAsync(hin, new("Wateroverlast na noodweer", false, "Rietwijk", 1), ct);
        await incidents.AddParticipantAsync(hin, flood.Id, omg.Email, ct);
        await Write(hin, flood.Id, "info", "Na zware regenval staan drie straten in Rietwijk-Zuid blank; kelders lopen onder.", null);
        await Write(hin, flood.Id, "situation", "Circa 40 woningen met water in de kelder. Gemaal Zuiderpolder draait op volle capaciteit.", null);
        await Write(omg, flood.Id, "assessment", "Geen gevaar voor de stabiliteit van de dijk; waterschap verwacht dat het water binnen 12 uur zakt.", "Omgevingszorg");
        await Write(omg, flood.Id, "action", "Zandzakken uitdelen bij gemeentewerf Rietwijk — eigenaar: Pieter de Graaf.", "Omgevingszorg");

        // 3. An exercise, so that the OEFENING marking can be seen.
        var drill = await incidents.OpenAsync(lead, new("Opvangoefening na ontruiming", true, "Groenmeer", 1), ct);
        await incidents.AddParticipantAsync(lead, drill.Id, pim.Email, ct);
        await incidents.AppendAsSystemAsync(drill.Id, new("inject", "Inject 1 (T+0): de meldkamer meldt een ontruiming van 80 bewoners van zorgcomplex De Linde.", null, null, null), ct);
        await Write(pim, drill.Id, "situation", "Opvanglocatie dorpshuis 't Anker wordt ingericht; verwachte aankomst bewoners over 45 minuten.", "PIM");
        await Write(lead, drill.Id, "info", "Observatie: de bezetting van het telefoonteam duurde langer dan de norm.", null);

        return Logins;

        async Task<Crisis.Domain.Incidents.LogEntry> Write(Actor who, Guid id, string kind, string text, string? team, int? correctsSeq = null, int? completesSeq = null) =>
            await incidents.AppendAsync(who, id, new AppendLogRequest(kind, text, team, correctsSeq, completesSeq), ct);
    }

    /// <summary>The demo logins as a person reads them in a terminal.</summary>
    public static string Describe(IReadOnlyList<DemoLogin> logins)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Demo region '{DemoRegion.Name}' seeded. Log in with any of these (password: {DemoRegion.Password}):");
        foreach (var l in logins)
        {
            sb.AppendLine($"  {l.Email,-36} {l.Role,-14} {l.Name}");
        }
        return sb.ToString();
    }

    /// <summary>The logins of the demo region, as they are seeded.</summary>
    public static IReadOnlyList<DemoLogin> Logins { get; } =
        People.Select(p => new DemoLogin(p.Email, p.Name, p.Role.ToWire())).ToList();
}
