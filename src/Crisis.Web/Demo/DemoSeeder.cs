using System.Globalization;
using System.Text;
using Crisis.Domain;
using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Domain.Organisation;
using Crisis.Domain.Teams;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Crisis.Web.Organisation;
using Crisis.Web.Teams;
using NodaTime;

namespace Crisis.Web.Demo;

public sealed record DemoLogin(string Email, string Name, string Role);

/// <summary>
/// Fills an empty database with the demo region: users for every role and a few incidents with a realistic log,
/// one of them an exercise. Refuses a database that already has users.
/// </summary>
public sealed class DemoSeeder(
    UserAdministration users, IncidentService incidents, OrganisationService organisation,
    Roster.RosterDemo rosterDemo, Paspoort.PaspoortDemo paspoort, Alerting.AlertingDemo alerting, Exercises.ExerciseService exercises,
    YearPlanDemo teamsDemo, LeerprikkelDemo leerprikkelaar, CrisisDbContext db, IClock clock)
{
    /// <summary>The scenario the demo's exercise plays (a file in <c>exercises/</c>).</summary>
    public const string DrillScenario = "opvangoefening-sporthal";

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
            throw IdentityRefusals.DemoNeedsEmptyDatabase.Raise();
        }
        var system = Actor.System("seed-demo");
        // The teams are seeded when the host starts; the seed-demo command runs without it, and the log files entries under them.
        await TeamService.EnsureSeededAsync(db, clock, ct);
        await SeedRegionAsync(system, ct);
        // The paspoort first: the roster demo rotates only people who are qualified, as a coordinator would.
        await paspoort.SeedAsync(ct);
        await rosterDemo.SeedAsync(ct);
        var actors = new Dictionary<string, Actor>();
        foreach (var (email, name, role) in People)
        {
            var user = await users.AddUserAsync(email, name, role.ToWire(), DemoRegion.Password, system);
            actors[email.Split('@')[0]] = new Actor(user.Id, name, email, role, "seed-demo");
        }
        var (coordinator, ovd, hin, pim, omg, lead) =
            (actors["coordinator"], actors["ovd"], actors["hin"], actors["pim"], actors["omgevingszorg"], actors["oefenleider"]);

        // The working groups with their members, meetings and actions, and the OTO year plan of this year.
        await teamsDemo.SeedAsync(coordinator, ct);
        // The Leerprikkelaar of the OTO group: this month's question sent and partly answered, next month's waiting.
        await leerprikkelaar.SeedAsync(lead, ct);

        // 1. A fire at a company building, GRIP 2, with the whole column at work.
        var fire = await incidents.OpenAsync(ovd, new("Grote brand bedrijfspand Industrieweg", false, "Beekhuizen", 1), ct);
        foreach (var (email, function) in new (string, string?)[]
                 {
                     (ovd.Email, FunctionCatalogue.OvdBz), (hin.Email, FunctionCatalogue.Hin), (pim.Email, FunctionCatalogue.HoofdPubliekeZorg),
                     (omg.Email, FunctionCatalogue.HoofdOmgevingszorg), ("meelezer@lagelanden.example", null),
                 })
        {
            await incidents.AddParticipantAsync(ovd, fire.Id, email, function, ct);
        }
        await Write(ovd, fire.Id, LogEntryKind.Info, "Melding via meldkamer: uitslaande brand in bedrijfspand aan de Industrieweg 14, veel rookontwikkeling richting woonwijk De Hoven.", null);
        await Write(ovd, fire.Id, LogEntryKind.Situation, "Brand in opslaghal van ca. 2.000 m². Rookpluim trekt naar het noordoosten over de wijk De Hoven (ca. 1.200 woningen). Geen slachtoffers bekend.", null);
        await incidents.ChangeGripAsync(ovd, fire.Id, 2, ct);
        await Write(hin, fire.Id, LogEntryKind.Assessment, "Rook bevat mogelijk asbest (dakbeschot uit 1975). Advies GHOR: ramen en deuren sluiten, ventilatie uit.", null);
        await Write(ovd, fire.Id, LogEntryKind.Decision, "NL-Alert uitsturen voor De Hoven: ramen en deuren sluiten, ventilatie uitzetten.", null);
        await Write(pim, fire.Id, LogEntryKind.Situation, "Opvanglocatie sporthal De Wissel staat klaar voor maximaal 150 personen; 12 bewoners van de Fabrieksstraat zijn geëvacueerd.", TeamCatalogue.Pim);
        var action = await Write(pim, fire.Id, LogEntryKind.Action, "Verzorging (koffie, dekens) regelen in sporthal De Wissel — eigenaar: Sanne Kuipers, gereed 15:30.", TeamCatalogue.Pim);
        await Write(omg, fire.Id, LogEntryKind.Situation, "Asbestdeeltjes aangetroffen op speelplaats Lindenlaan en in twee voortuinen.", TeamCatalogue.Omgevingszorg);
        var wrong = await Write(omg, fire.Id, LogEntryKind.Action, "Saneringsbedrijf inschakelen voor Lindenlaan — eigenaar: Pieter de Graaf.", TeamCatalogue.Ondersteuning);
        await Write(omg, fire.Id, LogEntryKind.Action, "Saneringsbedrijf inschakelen voor Lindenlaan en omliggende tuinen — eigenaar: Pieter de Graaf, gereed morgen 10:00.", TeamCatalogue.Omgevingszorg, correctsSeq: wrong.Seq);
        await Write(omg, fire.Id, LogEntryKind.Decision, "Speelplaats Lindenlaan afgesloten tot na sanering.", TeamCatalogue.Omgevingszorg);
        await Write(pim, fire.Id, LogEntryKind.Info, "Verzorging in sporthal De Wissel is op orde.", TeamCatalogue.Pim, completesSeq: action.Seq);
        await Write(hin, fire.Id, LogEntryKind.Action, "Publieksinformatie bijwerken op de website van de gemeente — eigenaar: Fatima El Amrani.", null);

        // 2. Flooding after a storm, GRIP 1.
        var flood = await incidents.OpenAsync(hin, new("Wateroverlast na noodweer", false, "Rietwijk", 1), ct);
        await incidents.AddParticipantAsync(hin, flood.Id, omg.Email, FunctionCatalogue.HoofdOmgevingszorg, ct);
        await Write(hin, flood.Id, LogEntryKind.Info, "Na zware regenval staan drie straten in Rietwijk-Zuid blank; kelders lopen onder.", null);
        await Write(hin, flood.Id, LogEntryKind.Situation, "Circa 40 woningen met water in de kelder. Gemaal Zuiderpolder draait op volle capaciteit.", null);
        await Write(omg, flood.Id, LogEntryKind.Assessment, "Geen gevaar voor de stabiliteit van de dijk; waterschap verwacht dat het water binnen 12 uur zakt.", TeamCatalogue.Omgevingszorg);
        await Write(omg, flood.Id, LogEntryKind.Action, "Zandzakken uitdelen bij gemeentewerf Rietwijk — eigenaar: Pieter de Graaf.", TeamCatalogue.Omgevingszorg);

        // The alerts of the fire: AC-BZ alerted and coming, HIN alerted a few minutes ago and escalated for want of an answer.
        await alerting.SeedAsync(coordinator, ovd, fire.Id, ct);

        // 3. An exercise from a scenario in exercises/, started, so that its clock, its injects and the OEFENING marking can be seen.
        var drill = await exercises.CreateAsync(lead, DrillScenario, null,
            [new(pim.Email, FunctionCatalogue.HoofdPubliekeZorg, false), new(hin.Email, FunctionCatalogue.Hin, false)], ct);
        await exercises.StartAsync(lead, drill.Id, 1.0, ct);

        return Logins;

        async Task<LogEntry> Write(Actor who, Guid id, LogEntryKind kind, string text, string? team, int? correctsSeq = null, int? completesSeq = null) =>
            await incidents.AppendAsync(who, id, new AppendEntry(kind, text, team, correctsSeq, completesSeq), ct);
    }

    /// <summary>
    /// Invented officials and the functions they hold: the users above first (same email, so the same official),
    /// then enough others that every key function has a pool of four or more.
    /// </summary>
    private static readonly (string Name, string Email, string Municipality, string[] Functions)[] Officials =
    [
        ("Marloes Verhagen", "coordinator@lagelanden.example", "Beekhuizen", []),
        ("Jeroen Bakhuis", "ovd@lagelanden.example", "Beekhuizen", [FunctionCatalogue.OvdBz, "AOV-BEEKHUIZEN"]),
        ("Fatima El Amrani", "hin@lagelanden.example", "Rietwijk", [FunctionCatalogue.Hin, "AOV-RIETWIJK"]),
        ("Sanne Kuipers", "pim@lagelanden.example", "Groenmeer", [FunctionCatalogue.HoofdPubliekeZorg]),
        ("Pieter de Graaf", "omgevingszorg@lagelanden.example", "Dijkerwaard", [FunctionCatalogue.HoofdOmgevingszorg]),
        ("Ilse Brouwer", "oefenleider@lagelanden.example", "Elsveen", []),
        ("Tom Janssen", "meelezer@lagelanden.example", "Tolhuizen", []),
        ("Ruud Hoekstra", "r.hoekstra@aldervoort.example", "Aldervoort", [FunctionCatalogue.OvdBz, "AOV-ALDERVOORT"]),
        ("Linda Mulder", "l.mulder@hasselburg.example", "Hasselburg", [FunctionCatalogue.OvdBz, FunctionCatalogue.AcBz]),
        ("Bas Timmermans", "b.timmermans@kraaiendam.example", "Kraaiendam", [FunctionCatalogue.OvdBz, "AOV-KRAAIENDAM"]),
        ("Yvonne Smit", "y.smit@noordhaven.example", "Noordhaven", [FunctionCatalogue.AcBz, "AOV-NOORDHAVEN"]),
        ("Erik van Leeuwen", "e.vanleeuwen@oosterbroek.example", "Oosterbroek", [FunctionCatalogue.AcBz]),
        ("Naima Bouzid", "n.bouzid@zilverdal.example", "Zilverdal", [FunctionCatalogue.AcBz, "AOV-ZILVERDAL"]),
        ("Gert Postma", "g.postma@lindewold.example", "Lindewold", [FunctionCatalogue.Hin, "AOV-LINDEWOLD"]),
        ("Monique Dekker", "m.dekker@waalderveld.example", "Waalderveld", [FunctionCatalogue.Hin, FunctionCatalogue.HoofdNafase]),
        ("Arjen Vos", "a.vos@elsveen.example", "Elsveen", [FunctionCatalogue.Hin, "AOV-ELSVEEN"]),
        ("Karin Hendriks", "k.hendriks@groenmeer.example", "Groenmeer", [FunctionCatalogue.HoofdPubliekeZorg, "AOV-GROENMEER"]),
        ("Dennis Koster", "d.koster@tolhuizen.example", "Tolhuizen", [FunctionCatalogue.HoofdPubliekeZorg, "AOV-TOLHUIZEN"]),
        ("Esther van Dam", "e.vandam@dijkerwaard.example", "Dijkerwaard", [FunctionCatalogue.HoofdPubliekeZorg, "AOV-DIJKERWAARD"]),
        ("Joost Willems", "j.willems@hasselburg.example", "Hasselburg", [FunctionCatalogue.HoofdOmgevingszorg, "AOV-HASSELBURG"]),
        ("Anouk Peters", "a.peters@rietwijk.example", "Rietwijk", [FunctionCatalogue.HoofdOmgevingszorg]),
        ("Wouter Bosman", "w.bosman@waalderveld.example", "Waalderveld", [FunctionCatalogue.HoofdOmgevingszorg, "AOV-WAALDERVELD"]),
        ("Hanneke Jonker", "h.jonker@aldervoort.example", "Aldervoort", [FunctionCatalogue.HoofdOndersteuning]),
        ("Martijn de Boer", "m.deboer@kraaiendam.example", "Kraaiendam", [FunctionCatalogue.HoofdOndersteuning, FunctionCatalogue.HoofdNafase]),
        ("Sophie Claassen", "s.claassen@noordhaven.example", "Noordhaven", [FunctionCatalogue.HoofdOndersteuning]),
        ("Rob Meijer", "r.meijer@oosterbroek.example", "Oosterbroek", [FunctionCatalogue.HoofdOndersteuning, "AOV-OOSTERBROEK"]),
        ("Ingrid Schouten", "i.schouten@lindewold.example", "Lindewold", [FunctionCatalogue.HoofdNafase]),
        ("Kees Verbeek", "k.verbeek@zilverdal.example", "Zilverdal", [FunctionCatalogue.HoofdNafase]),
    ];

    private async Task SeedRegionAsync(Actor system, CancellationToken ct)
    {
        foreach (var municipality in DemoRegion.Municipalities)
        {
            await organisation.AddMunicipalityAsync(system, municipality, ct);
        }
        foreach (var (name, email, municipality, functions) in Officials)
        {
            await organisation.CreatePersonAsync(system, new NewPerson(name, email, municipality, functions), ct);
        }
    }

    /// <summary>The demo logins as a person reads them in a terminal.</summary>
    public static string Describe(IReadOnlyList<DemoLogin> logins)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Demo region '{DemoRegion.Name}' seeded. Log in with any of these (password: {DemoRegion.Password}):");
        foreach (var l in logins)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {l.Email,-36} {l.Role,-14} {l.Name}");
        }
        return sb.ToString();
    }

    /// <summary>The logins of the demo region, as they are seeded.</summary>
    public static IReadOnlyList<DemoLogin> Logins { get; } =
        People.Select(p => new DemoLogin(p.Email, p.Name, p.Role.ToWire())).ToList();
}
