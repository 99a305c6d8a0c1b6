using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using NodaTime;

namespace Crisis.Web.Paspoort;

/// <summary>One function in a dossier: its name and where the person stands in it.</summary>
public sealed record DossierFunction(string Name, FunctionStatus Status);

/// <summary>The dossier vakbekwaamheid of one person on day <see cref="At"/>: status per function, then every record, newest first.</summary>
public sealed record Dossier(PersonDto Person, LocalDate At, IReadOnlyList<DossierFunction> Functions, IReadOnlyList<StoredRecord> Records);

/// <summary>One holder's row of a matrix.</summary>
public sealed record MatrixLine(FunctionHolder Person, MatrixRow Row);

/// <summary>The qualification matrix of one function: its holders by its requirements.</summary>
public sealed record MatrixView(string Function, string Name, LocalDate At, IReadOnlyList<Requirement> Requirements, IReadOnlyList<MatrixLine> Rows);

/// <summary>What runs out soon for one person.</summary>
public sealed record PersonExpiryList(PaspoortPerson Person, IReadOnlyList<ExpiryItem> Items);

/// <summary>One attendee of an activity, named.</summary>
public sealed record AttendeeView(PaspoortPerson Person, Attendee Attendee);

/// <summary>One activity and who attended it.</summary>
public sealed record ActivityView(ActivityAttendance Activity, IReadOnlyList<AttendeeView> Attendees);

/// <summary>
/// Reading the paspoort: a person's dossier, and the overviews for planning (the matrix, what expires, who attended
/// what). Nothing here changes anything; the rules are <see cref="Qualification"/> and <see cref="PaspoortOverviews"/>.
/// </summary>
public sealed class PaspoortOverviewService(PaspoortStore store, PaspoortSources sources, PaspoortGuard guard, IClock clock, DateTimeZone zone)
{
    /// <summary>The longest horizon of the expiry list.</summary>
    public const int MaxExpiryHorizonDays = 366;

    /// <summary>Today in the region's zone: the day statuses are worked out for.</summary>
    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    /// <summary>The dossier of a person on day <paramref name="at"/> (default today): themself, coordinators and exercise leads.</summary>
    public async Task<Dossier> DossierAsync(Actor actor, Guid personId, LocalDate? at = null, CancellationToken ct = default)
    {
        await guard.RequireReaderAsync(actor, personId, ct);
        return await BuildDossierAsync(await sources.PersonAsync(personId, ct), at ?? Today, ct);
    }

    /// <summary>The signed-in person's own dossier ("Mijn paspoort"); a 404 when their account is no official of the region.</summary>
    public async Task<Dossier> MyDossierAsync(Actor actor, LocalDate? at = null, CancellationToken ct = default) =>
        await FindMyDossierAsync(actor, at, ct) ?? throw PaspoortRefusals.NotAnOfficial.Raise(("email", actor.Email));

    /// <summary>The signed-in person's own dossier, or null when their account is no official of the region.</summary>
    public async Task<Dossier?> FindMyDossierAsync(Actor actor, LocalDate? at = null, CancellationToken ct = default) =>
        await sources.PersonOfAsync(actor, ct) is { } own ? await BuildDossierAsync(own, at ?? Today, ct) : null;

    /// <summary>People by requirements for one function, with the status of each (coordinators and exercise leads).</summary>
    public async Task<MatrixView> MatrixAsync(Actor actor, string? function, LocalDate? at = null, CancellationToken ct = default)
    {
        await guard.RequirePlannerAsync(actor, "paspoort.matrix.read");
        var given = Texts.TrimToNull(function) ?? throw PaspoortRefusals.FunctionMissing.RaiseFor("function");
        var found = await sources.FunctionAsync(given, ct)
            ?? throw PaspoortRefusals.NoSuchFunction.RaiseFor("function", ("function", Texts.Shorten(given)));
        var day = at ?? Today;
        var holders = await sources.HoldersAsync(found.Code, ct);
        var ids = holders.Select(p => p.Id).ToList();
        var matrix = PaspoortOverviews.Matrix(found.Code, ids, await store.ActiveRequirementsAsync(ct), await store.RecordsOfAsync(ids, ct), day);
        var byId = holders.ToDictionary(p => p.Id);
        return new MatrixView(found.Code, found.Name, day, matrix.Requirements,
            matrix.Rows.Select(row => new MatrixLine(byId[row.PersonId], row)).ToList());
    }

    /// <summary>What runs out in the next <paramref name="days"/> days (default 90), per person, soonest first.</summary>
    public async Task<IReadOnlyList<PersonExpiryList>> ExpiriesAsync(Actor actor, int? days = null, CancellationToken ct = default)
    {
        await guard.RequirePlannerAsync(actor, "paspoort.expiries.read");
        var horizon = days ?? PaspoortOverviews.DefaultExpiryHorizonDays;
        if (horizon is < 0 or > MaxExpiryHorizonDays)
        {
            throw PaspoortRefusals.HorizonOutOfRange.RaiseFor("days", ("max", MaxExpiryHorizonDays), ("days", horizon));
        }
        var (people, names) = await sources.PeopleWithFunctionsAsync(ct);
        var records = await store.RecordsOfAsync(people.Select(p => p.PersonId).ToList(), ct);
        var expiries = PaspoortOverviews.Expiries(people, await store.ActiveRequirementsAsync(ct), records, Today, horizon);
        return expiries.Select(g => new PersonExpiryList(new PaspoortPerson(g.PersonId, names[g.PersonId]), g.Items)).ToList();
    }

    /// <summary>
    /// Who attended what between <paramref name="from"/> and <paramref name="to"/> (both included; default the last
    /// twelve months), confirmed records only, newest activity first; all kinds unless <paramref name="kind"/>.
    /// </summary>
    public async Task<IReadOnlyList<ActivityView>> AttendanceAsync(
        Actor actor, LocalDate? from = null, LocalDate? to = null, ActivityKind? kind = null, CancellationToken ct = default)
    {
        await guard.RequirePlannerAsync(actor, "paspoort.attendance.read");
        var last = to ?? Today;
        var first = from ?? last.PlusYears(-1);
        if (first > last)
        {
            throw PaspoortRefusals.PeriodReversed.RaiseFor("from", ("from", first), ("to", last));
        }
        var query = store.Records.Where(r => r.Date >= first && r.Date <= last && r.Status == RecordStatus.Confirmed);
        if (kind is { } only)
        {
            query = query.Where(r => r.Kind == only);
        }
        var inForce = (await store.InForceAsync(query, ct)).Select(r => r.Record).ToList();
        var names = await sources.NamesAsync(inForce.Select(r => r.PersonId), ct);
        return PaspoortOverviews.Attendance(inForce)
            .Select(a => new ActivityView(a, a.Attendees
                .Select(x => new AttendeeView(new PaspoortPerson(x.PersonId, names.GetValueOrDefault(x.PersonId) ?? "?"), x)).ToList()))
            .ToList();
    }

    /// <summary>The people whose dossiers the actor may open: everyone for coordinators and exercise leads, else only themself.</summary>
    public async Task<IReadOnlyList<PersonDto>> ReadablePeopleAsync(Actor actor, CancellationToken ct = default)
    {
        if (PaspoortAccess.CanSeeOverviews(actor.Role))
        {
            return await sources.PeopleAsync(ct);
        }
        return await sources.PersonOfAsync(actor, ct) is { } own ? [own] : [];
    }

    /// <summary>The person the actor is (same email), if any.</summary>
    public async Task<Guid?> OwnPersonIdAsync(Actor actor, CancellationToken ct = default) =>
        (await sources.PersonOfAsync(actor, ct))?.Id;

    /// <summary>The functions of the catalogue, for choosing one in a form.</summary>
    public Task<IReadOnlyList<FunctionDto>> FunctionsAsync(CancellationToken ct = default) => sources.FunctionsAsync(ct);

    private async Task<Dossier> BuildDossierAsync(PersonDto person, LocalDate at, CancellationToken ct)
    {
        var stored = await store.StoredRecordsOfAsync(person.Id, ct);
        var functionNames = (await sources.FunctionsAsync(ct)).ToDictionary(f => f.Code, f => f.Name);
        var statuses = Qualification.Dossier(person.Id, person.Functions, await store.ActiveRequirementsAsync(ct), stored.Select(r => r.Record), at);
        return new Dossier(
            person, at,
            statuses.Select(s => new DossierFunction(functionNames.GetValueOrDefault(s.Function) ?? s.Function, s)).ToList(),
            stored.OrderByDescending(r => r.Record.Date).ThenByDescending(r => r.Record.RecordedAt).ToList());
    }
}
