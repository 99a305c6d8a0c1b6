using Crisis.Domain;
using Crisis.Domain.Paspoort;
using Crisis.Domain.Teams;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Audit;
using Crisis.Web.Data;
using Crisis.Web.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Paspoort;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>The refusals the Leerprikkelaar raises beyond the domain's rules.</summary>
public static class LeerprikkelHostRefusals
{
    public static readonly RefusalCode WritersOnly = new("leerprikkel.writers-only", ViolationKind.Forbidden);
    public static readonly RefusalCode Unknown = new("leerprikkel.unknown", ViolationKind.NotFound);
    public static readonly RefusalCode NotAddressee = new("leerprikkel.not-addressee", ViolationKind.Forbidden);
    public static readonly RefusalCode NotSentYet = new("leerprikkel.not-sent-yet", ViolationKind.Conflict);
    public static readonly RefusalCode AnsweredAlready = new("leerprikkel.answered-already", ViolationKind.Conflict);
    public static readonly RefusalCode SentAlready = new("leerprikkel.sent-already", ViolationKind.Conflict);
    public static readonly RefusalCode BodyMissing = new("leerprikkel.body-missing", ViolationKind.Invalid);
    public static readonly RefusalCode Changed = new("leerprikkel.changed", ViolationKind.Conflict);
}

public sealed record LeerprikkelTrainingDto(string Activity, string? Requirement);

public sealed record AnswerRateDto(string Function, int Addressed, int Answered);

/// <summary>One addressee of a sent question, as the OTO group sees them: when it reached them, the e-mail's outcome, and their answer.</summary>
public sealed record LeerprikkelAnswerDto(
    PersonRefDto Person, IReadOnlyList<string> Functions, Instant SentAt, string? Mail, Instant? RemindedAt, string? ReminderMail, Instant? AnsweredAt,
    string? Text);

public sealed record LeerprikkelDto(
    Guid Id, string Question, IReadOnlyList<string> Audience, LocalDate SendOn, Instant SendAt, int ReminderAfterDays, string Status,
    Instant? SentAt, Instant? RemindedAt, Instant? NextDueAt, LeerprikkelTrainingDto? Training, IReadOnlyList<AnswerRateDto> Rates, int Addressed,
    int Answered, IReadOnlyList<LeerprikkelAnswerDto>? Answers, Instant CreatedAt, string CreatedBy);

/// <summary>The questions and, for <see cref="CanWrite"/>, who answered what.</summary>
public sealed record LeerprikkelaarDto(bool CanWrite, IReadOnlyList<LeerprikkelDto> Items);

/// <summary>A question as it reached the caller (their in-app item), with their answer once given.</summary>
public sealed record MyLeerprikkelDto(
    Guid Id, string Question, Instant SentAt, Instant? RemindedAt, Instant? AnsweredAt, string? Answer, LeerprikkelTrainingDto? Training);

/// <summary>
/// The Leerprikkelaar (year-plan activity D5): the OTO working group writes a monthly question, Crisis sends it on its day
/// (<see cref="LeerprikkelScheduler"/>) to everyone holding one of its functions, by e-mail and as an item in the app, and
/// reminds once whoever has not answered. Everyone signed in reads the questions and the answer rates; who may edit the
/// year plan (<see cref="YearPlanService.CanEditAsync"/>: the members of WG-OTO and coordinators) writes them and reads
/// the answers; only an addressee answers, once. An answer to a question that counts as training is a paspoort
/// <c>training</c> record, written through <see cref="PaspoortRecordService"/> in the same save as the answer.
/// </summary>
public sealed partial class LeerprikkelService(
    CrisisDbContext db, AuditTrail audit, IClock clock, DateTimeZone zone, OrganisationService organisation, YearPlanService plan,
    PaspoortRecordService paspoort, LeerprikkelScheduler scheduler, ChannelContacts contacts, EmailChannel email,
    IOptionsMonitor<AlertChannelOptions> channels, ILogger<LeerprikkelService> logger)
{
    /// <summary>The actor the timer acts as: sending, reminding, and writing an answer's paspoort record.</summary>
    public static readonly Actor System = Actor.System("leerprikkelaar");

    public LocalDate Today => clock.GetCurrentInstant().InZone(zone).Date;

    /// <summary>Whether the caller writes questions and reads the answers: as the year plan's editors.</summary>
    public Task<bool> CanWriteAsync(Actor actor, CancellationToken ct = default) => plan.CanEditAsync(actor, ct);

    public async Task<LeerprikkelaarDto> ListAsync(Actor actor, CancellationToken ct = default)
    {
        var writer = await CanWriteAsync(actor, ct);
        var rows = await db.Set<LeerprikkelRecord>().AsNoTracking().ToListAsync(ct);
        var items = await ToDtosAsync(rows.OrderByDescending(r => r.SendOn).ThenByDescending(r => r.CreatedAt).ToList(), writer, ct);
        return new LeerprikkelaarDto(writer, items);
    }

    public async Task<LeerprikkelDto> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var row = await RowAsync(actor, "leerprikkel.read", id, ct);
        return (await ToDtosAsync([row], await CanWriteAsync(actor, ct), ct))[0];
    }

    /// <summary>The questions that reached the caller, the newest first: open ones to answer, answered ones with the answer.</summary>
    public async Task<IReadOnlyList<MyLeerprikkelDto>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        if ((await organisation.PersonOfAsync(actor, ct))?.Id is not { } person)
        {
            return [];
        }
        var mine = await db.Set<LeerprikkelDeliveryRecord>().AsNoTracking().Where(d => d.PersonId == person).ToListAsync(ct);
        var ids = mine.Select(d => d.LeerprikkelId).ToList();
        var rows = await db.Set<LeerprikkelRecord>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return mine.OrderByDescending(d => d.SentAt).Select(d => Mine(rows[d.LeerprikkelId], d)).ToList();
    }

    public async Task<LeerprikkelDto> CreateAsync(Actor actor, LeerprikkelInput input, CancellationToken ct = default)
    {
        const string action = "leerprikkel.create";
        await RequireWriterAsync(actor, action, null, ct);
        var functions = await db.Set<FunctionRecord>().AsNoTracking().Select(f => f.Code).ToListAsync(ct);
        var valid = await audit.CheckedAsync(actor, action, "leerprikkel", () => LeerprikkelRules.Validate(input, functions, Today));
        var row = new LeerprikkelRecord
        {
            Id = Guid.NewGuid(), Question = valid.Question, Audience = string.Join(",", valid.Audience), SendOn = valid.SendOn,
            ReminderAfterDays = valid.ReminderAfterDays, TrainingActivity = valid.Training?.Activity, RequirementFunction = valid.Training?.RequirementFunction,
            RequirementCode = valid.Training?.RequirementCode, State = LeerprikkelState.Scheduled, NextDueAt = LeerprikkelRules.At(valid.SendOn, zone),
            CreatedAt = clock.GetCurrentInstant(), CreatedBy = actor.Name,
        };
        db.Add(row);
        audit.Stage(db, actor, action, Target(row.Id), Describe(row));
        await SaveAsync(actor, action, Target(row.Id), ct);
        scheduler.Wake();
        return (await ToDtosAsync([row], true, ct))[0];
    }

    /// <summary>Withdraws a question that has not gone out yet; a sent one stays (its answers are kept): 409.</summary>
    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        const string action = "leerprikkel.delete";
        await RequireWriterAsync(actor, action, id, ct);
        var row = await TrackedAsync(actor, action, id, ct);
        if (row.State != LeerprikkelState.Scheduled)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), LeerprikkelHostRefusals.SentAlready.Raise(("date", row.SendOn)));
        }
        db.Remove(row);
        audit.Stage(db, actor, action, Target(id), Describe(row));
        await SaveAsync(actor, action, Target(id), ct);
    }

    /// <summary>Sends a scheduled question at once (its day becomes today), as the timer would on its day.</summary>
    public async Task<LeerprikkelDto> SendNowAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        const string action = "leerprikkel.send-now";
        await RequireWriterAsync(actor, action, id, ct);
        var row = await TrackedAsync(actor, action, id, ct);
        if (row.State != LeerprikkelState.Scheduled)
        {
            throw await audit.RefuseAsync(actor, action, Target(id), LeerprikkelHostRefusals.SentAlready.Raise(("date", row.SendOn)));
        }
        var now = clock.GetCurrentInstant();
        row.SendOn = Today;
        row.NextDueAt = now;
        row.Version++;
        audit.Stage(db, actor, action, Target(id), Describe(row));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            // The timer took the row between our read and our save: on its day (after 09:00) it sends the question itself.
            // Sent is what was asked, so that is the answer; anything else that changed it is a conflict.
            db.ChangeTracker.Clear();
            if ((await RowAsync(actor, action, id, ct)).State != LeerprikkelState.Scheduled)
            {
                return await GetAsync(actor, id, ct);
            }
            throw await audit.RefuseAsync(actor, action, Target(id), LeerprikkelHostRefusals.Changed.Raise());
        }
        db.ChangeTracker.Clear();
        await RunDueAsync(id, now, ct);
        return await GetAsync(actor, id, ct);
    }

    /// <summary>
    /// The caller's answer: only an addressee of a sent question, once (a second answer is a 409; the first stays as it
    /// was given). When the question counts as training, the answer and the paspoort record are stored together, or neither.
    /// </summary>
    public async Task<MyLeerprikkelDto> AnswerAsync(Actor actor, Guid id, string? text, CancellationToken ct = default)
    {
        const string action = "leerprikkel.answer";
        var target = Target(id);
        var row = await RowAsync(actor, action, id, ct);
        var person = (await organisation.PersonOfAsync(actor, ct))?.Id;
        var delivery = person is { } p
            ? await db.Set<LeerprikkelDeliveryRecord>().FirstOrDefaultAsync(d => d.LeerprikkelId == id && d.PersonId == p, ct)
            : null;
        if (delivery is null)
        {
            throw await audit.RefuseAsync(actor, action, target, row.State == LeerprikkelState.Scheduled
                ? LeerprikkelHostRefusals.NotSentYet.Raise(("date", row.SendOn))
                : LeerprikkelHostRefusals.NotAddressee.Raise());
        }
        if (delivery.AnsweredAt is not null)
        {
            throw await audit.RefuseAsync(actor, action, target, LeerprikkelHostRefusals.AnsweredAlready.Raise());
        }
        var answer = await audit.CheckedAsync(actor, action, target, () => LeerprikkelRules.ValidateAnswer(text));
        delivery.AnsweredAt = clock.GetCurrentInstant();
        delivery.Answer = answer;
        delivery.Version++;
        audit.Stage(db, actor, action, target, $"length={answer.Length}{(row.Training is null ? "" : " training")}");
        try
        {
            if (row.Training is { } training)
            {
                // The paspoort stages its record beside the answer and saves both in one SaveChanges. Crisis writes it (an
                // official may not write their own paspoort), and the paspoort audits it as such.
                var list = new AttendanceList(ActivityKind.Training, training.Activity, Today, training.RequirementFunction, training.Requirement,
                    [new AttendanceEntry(delivery.PersonId, null, "Antwoord op de Leerprikkelaar")]);
                await audit.CheckedAsync(actor, action, target, () => paspoort.RecordAttendanceAsync(System, list, ct));
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, action, target, LeerprikkelHostRefusals.AnsweredAlready.Raise());
        }
        catch
        {
            db.ChangeTracker.Clear();
            throw;
        }
        return Mine(row, delivery);
    }

    private static MyLeerprikkelDto Mine(LeerprikkelRecord row, LeerprikkelDeliveryRecord d) =>
        new(row.Id, row.Question, d.SentAt, d.RemindedAt, d.AnsweredAt, d.Answer, TrainingDto(row));

    private static LeerprikkelTrainingDto? TrainingDto(LeerprikkelRecord row) => row.Training is { } t ? new LeerprikkelTrainingDto(t.Activity, t.Requirement) : null;

    private async Task RequireWriterAsync(Actor actor, string action, Guid? id, CancellationToken ct)
    {
        if (!await CanWriteAsync(actor, ct))
        {
            throw await audit.RefuseAsync(actor, action, id is { } i ? Target(i) : "leerprikkel", LeerprikkelHostRefusals.WritersOnly.Raise());
        }
    }

    private async Task<LeerprikkelRecord> RowAsync(Actor actor, string action, Guid id, CancellationToken ct) =>
        await db.Set<LeerprikkelRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw await audit.RefuseAsync(actor, action, Target(id), LeerprikkelHostRefusals.Unknown.Raise(("id", id)));

    private async Task<LeerprikkelRecord> TrackedAsync(Actor actor, string action, Guid id, CancellationToken ct) =>
        await db.Set<LeerprikkelRecord>().FirstOrDefaultAsync(r => r.Id == id, ct)
        ?? throw await audit.RefuseAsync(actor, action, Target(id), LeerprikkelHostRefusals.Unknown.Raise(("id", id)));

    private async Task SaveAsync(Actor actor, string action, string target, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex))
        {
            db.ChangeTracker.Clear();
            throw await audit.RefuseAsync(actor, action, target, LeerprikkelHostRefusals.Changed.Raise());
        }
    }

    private async Task<IReadOnlyList<LeerprikkelDto>> ToDtosAsync(IReadOnlyList<LeerprikkelRecord> rows, bool withAnswers, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var deliveries = await db.Set<LeerprikkelDeliveryRecord>().AsNoTracking().Where(d => ids.Contains(d.LeerprikkelId)).ToListAsync(ct);
        var people = deliveries.Select(d => d.PersonId).Distinct().ToList();
        var names = withAnswers
            ? await db.Set<PersonRecord>().AsNoTracking().Where(p => people.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct)
            : [];
        return rows.Select(r =>
        {
            var mine = deliveries.Where(d => d.LeerprikkelId == r.Id).ToList();
            var rates = LeerprikkelRules.Rates(r.AudienceList, mine.Select(d => new AddresseeState(d.FunctionList, d.AnsweredAt is not null)));
            var answers = withAnswers
                ? mine.OrderBy(d => d.AnsweredAt is null).ThenBy(d => d.AnsweredAt).ThenBy(d => names.GetValueOrDefault(d.PersonId, ""), StringComparer.Ordinal)
                    .Select(d => new LeerprikkelAnswerDto(new PersonRefDto(d.PersonId, names.GetValueOrDefault(d.PersonId, "")), d.FunctionList, d.SentAt, d.Mail,
                        d.RemindedAt, d.ReminderMail, d.AnsweredAt, d.Answer)).ToList()
                : null;
            return new LeerprikkelDto(
                r.Id, r.Question, r.AudienceList, r.SendOn, LeerprikkelRules.At(r.SendOn, zone), r.ReminderAfterDays, StateWire(r.State), r.SentAt,
                r.RemindedAt, r.NextDueAt, TrainingDto(r), rates.Select(x => new AnswerRateDto(x.Function, x.Addressed, x.Answered)).ToList(), mine.Count,
                mine.Count(d => d.AnsweredAt is not null), answers, r.CreatedAt, r.CreatedBy);
        }).ToList();
    }

    internal static string StateWire(LeerprikkelState state) => state switch
    {
        LeerprikkelState.Scheduled => "scheduled",
        LeerprikkelState.Sent => "sent",
        _ => "reminded",
    };

    private static string Target(Guid id) => $"leerprikkel/{id}";

    private static string Describe(LeerprikkelRecord r) =>
        $"sendOn={r.SendOn:uuuu-MM-dd} audience={r.Audience} reminderAfterDays={r.ReminderAfterDays} training={r.TrainingActivity ?? "-"}";
}
