using Crisis.Domain.Identity;
using Crisis.Domain.Organisation;
using Crisis.Domain.Teams;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Microsoft.EntityFrameworkCore;

namespace Crisis.Web.Teams;

/// <summary>
/// The demo's Leerprikkelaar, made through the service as the OTO group would: this month's question, sent today and
/// counting as training, with a few answers from its addressees; and next month's, waiting for its day.
/// </summary>
public sealed class LeerprikkelDemo(LeerprikkelService service, CrisisDbContext db)
{
    private static readonly string[] Audience = [FunctionCatalogue.OvdBz, FunctionCatalogue.AcBz, FunctionCatalogue.Hin];

    private static readonly string[] Answers =
    [
        "Opvang en verzorging (sporthal klaarzetten), informeren van de bevolking via de gemeente, en het actiecentrum Publieke Zorg. Ik meld het aan de AC-BZ en de HIN.",
        "Eerst het beeld halen bij de meldkamer, dan opvang en crisiscommunicatie opstarten; de burgemeester laat ik informeren via de AOV.",
        "Bevolkingszorg: opvang, voorlichting en registratie slachtoffers (SIS). De ROT-leider en het Hoofd Publieke Zorg krijgen het als eerste van mij.",
    ];

    public async Task SeedAsync(Actor otoChair, CancellationToken ct = default)
    {
        var today = service.Today;
        var sent = await service.CreateAsync(otoChair, new LeerprikkelInput(
            "Je bent OvD-BZ en wordt om 03:00 gealarmeerd voor een grote brand met rook over een woonwijk. Welke processen van Bevolkingszorg start je als eerste, en wie informeer je daarover?",
            Audience, today, 7, LeerprikkelRules.DefaultActivity, null, CountsAsTraining: true), ct);
        await service.SendNowAsync(otoChair, sent.Id, ct);
        var addressees = await db.Set<LeerprikkelDeliveryRecord>().AsNoTracking().Where(d => d.LeerprikkelId == sent.Id).Select(d => d.PersonId).ToListAsync(ct);
        var people = await db.Set<PersonRecord>().AsNoTracking().Where(p => addressees.Contains(p.Id)).OrderBy(p => p.Name).Take(Answers.Length).ToListAsync(ct);
        foreach (var (person, answer) in people.Zip(Answers))
        {
            await service.AnswerAsync(new Actor(person.Id, person.Name, person.Email, CrisisRole.Member, "seed-demo"), sent.Id, answer, ct);
        }

        var nextMonth = new NodaTime.LocalDate(today.Year, today.Month, 1).PlusMonths(1);
        await service.CreateAsync(otoChair, new LeerprikkelInput(
            "Opdracht: zoek in het regionaal crisisplan op wie bij GRIP 3 het gemeentelijk beleidsteam voorzit en hoe je diegene bereikt. Noteer ook de vervanger.",
            Audience, nextMonth, 7, null, null), ct);
    }
}
