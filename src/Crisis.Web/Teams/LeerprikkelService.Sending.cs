using Crisis.Domain.Teams;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Crisis.Web.Platform;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Crisis.Web.Teams;

/// <summary>
/// The Leerprikkelaar's timer (<see cref="DuePoller"/>, as the alert escalations and exercise clocks): a question's row
/// is the timer (<see cref="LeerprikkelRecord.NextDueAt"/>: its day at 09:00, then its reminder), and its version claims
/// each step, so on any number of nodes a question goes out once and is reminded once.
/// </summary>
public sealed class LeerprikkelScheduler(IServiceScopeFactory scopes, IClock clock, ILogger<LeerprikkelScheduler> logger)
    : DuePoller(scopes, clock, logger)
{
    protected override string Name => "leerprikkelaar";

    protected override int MaxPerPass => 20;

    protected override Task<List<Guid>> DueAsync(CrisisDbContext db, Instant now, int max, CancellationToken ct) =>
        db.Set<LeerprikkelRecord>().AsNoTracking().Where(r => r.NextDueAt != null && r.NextDueAt <= now)
            .OrderBy(r => r.NextDueAt).Select(r => r.Id).Take(max).ToListAsync(ct);

    protected override Task<bool> RunOneAsync(IServiceProvider services, Guid id, Instant now, CancellationToken ct) =>
        services.GetRequiredService<LeerprikkelService>().RunDueAsync(id, now, ct);
}

public sealed partial class LeerprikkelService
{
    /// <summary>How many e-mails go out at once.</summary>
    private const int MailParallelism = 8;

    /// <summary>
    /// Takes the step of question <paramref name="id"/> that is due at <paramref name="now"/>: sending (a delivery, the
    /// in-app item, for each person who holds one of its functions, then the e-mail) or reminding (who has not answered,
    /// once). The step is stored first, claimed by the row's version; only the node whose save won sends the mail, so
    /// mail goes out at most once (a crash between the save and the mail leaves the delivery with no mail outcome).
    /// False when nothing was due, or another node took it.
    /// </summary>
    public async Task<bool> RunDueAsync(Guid id, Instant now, CancellationToken ct = default)
    {
        var row = await db.Set<LeerprikkelRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (row?.NextDueAt is not { } due || due > now)
        {
            return false;
        }
        List<LeerprikkelDeliveryRecord> reached;
        var reminder = row.State != LeerprikkelState.Scheduled;
        if (!reminder)
        {
            var audience = row.AudienceList.ToList();
            var holders = await db.Set<PersonFunctionRecord>().AsNoTracking().Where(f => audience.Contains(f.FunctionCode)).ToListAsync(ct);
            reached = holders.GroupBy(h => h.PersonId).Select(g => new LeerprikkelDeliveryRecord
            {
                LeerprikkelId = id, PersonId = g.Key, Functions = string.Join(",", audience.Where(a => g.Any(h => h.FunctionCode == a))), SentAt = now,
            }).ToList();
            db.AddRange(reached);
            row.State = LeerprikkelState.Sent;
            row.SentAt = now;
            row.NextDueAt = LeerprikkelRules.ReminderAt(row.SendOn, row.ReminderAfterDays, now, zone);
            audit.Stage(db, System, "leerprikkel.send", Target(id), $"addressees={reached.Count}");
        }
        else
        {
            reached = row.State == LeerprikkelState.Sent
                ? await db.Set<LeerprikkelDeliveryRecord>().Where(d => d.LeerprikkelId == id && d.AnsweredAt == null && d.RemindedAt == null).ToListAsync(ct)
                : [];
            foreach (var d in reached)
            {
                d.RemindedAt = now;
                d.Version++;
            }
            row.State = LeerprikkelState.Reminded;
            row.RemindedAt = now;
            row.NextDueAt = null;
            audit.Stage(db, System, "leerprikkel.remind", Target(id), $"reminded={reached.Count}");
        }
        row.Version++;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (DbErrors.IsRace(ex) || DbErrors.IsUniqueViolation(ex))
        {
            // Another node took this step (or an answer came in meanwhile: the next pass reminds again, without them).
            db.ChangeTracker.Clear();
            return false;
        }
        await MailAsync(row, reached, reminder, ct);
        return true;
    }

    private async Task MailAsync(LeerprikkelRecord row, List<LeerprikkelDeliveryRecord> reached, bool reminder, CancellationToken ct)
    {
        if (reached.Count == 0)
        {
            return;
        }
        var o = channels.CurrentValue;
        var ids = reached.Select(d => d.PersonId).ToList();
        var outcomes = new string[reached.Count];
        if (!o.EmailOn)
        {
            Array.Fill(outcomes, "skipped: e-mail is off");
        }
        else
        {
            var addresses = await contacts.OfAsync(ids, ct);
            var names = await db.Set<PersonRecord>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
            var link = o.PublicUri is { } root ? new Uri(root, LeerprikkelMail.Path.TrimStart('/')).ToString() : null;
            await Parallel.ForEachAsync(Enumerable.Range(0, reached.Count), new ParallelOptions { MaxDegreeOfParallelism = MailParallelism, CancellationToken = ct },
                async (i, token) =>
                {
                    var person = reached[i].PersonId;
                    if (addresses.GetValueOrDefault(person)?.Email is not { } address)
                    {
                        outcomes[i] = "skipped: no e-mail address";
                        return;
                    }
                    using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
                    limit.CancelAfter(o.Timeout);
                    try
                    {
                        var mail = LeerprikkelMail.For(row, names.GetValueOrDefault(person, ""), reminder, link);
                        var outcome = await email.SendAsync(mail, address, limit.Token);
                        outcomes[i] = outcome.Detail is { } detail ? $"{outcome.Status}: {detail}" : outcome.Status;
                    }
                    catch (OperationCanceledException) when (!token.IsCancellationRequested)
                    {
                        outcomes[i] = $"failed: no answer within {o.Timeout.TotalSeconds:0} s";
                    }
                });
        }
        for (var i = 0; i < reached.Count; i++)
        {
            var (leerprikkel, person, outcome) = (row.Id, reached[i].PersonId, Clip(outcomes[i]));
            var set = db.Set<LeerprikkelDeliveryRecord>().Where(d => d.LeerprikkelId == leerprikkel && d.PersonId == person);
            if (reminder)
            {
                await set.ExecuteUpdateAsync(u => u.SetProperty(d => d.ReminderMail, outcome), ct);
            }
            else
            {
                await set.ExecuteUpdateAsync(u => u.SetProperty(d => d.Mail, outcome), ct);
            }
            if (outcome.StartsWith("failed", StringComparison.Ordinal))
            {
                MailFailed(logger, row.Id, person, outcome);
            }
        }
    }

    private static string Clip(string text) => text.Length <= 300 ? text : text[..299] + "…";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leerprikkel {Id}: the e-mail to {Person} failed: {Outcome}")]
    private static partial void MailFailed(ILogger logger, Guid id, Guid person, string outcome);
}

/// <summary>The Leerprikkelaar's e-mail, Dutch and plain: the question, and where to answer it.</summary>
public static class LeerprikkelMail
{
    /// <summary>Where an addressee answers in the UI.</summary>
    public const string Path = "/leerprikkelaar";

    public static MailContent For(LeerprikkelRecord row, string name, bool reminder, string? link)
    {
        ArgumentNullException.ThrowIfNull(row);
        var firstLine = row.Question.Split('\n')[0].Trim();
        var head = firstLine.Length <= 80 ? firstLine : firstLine[..79] + "…";
        var lines = new List<string>
        {
            $"Beste {name},", "",
            reminder
                ? "Je hebt de vraag van de Leerprikkelaar nog niet beantwoord. Hier is hij nog eens:"
                : "De werkgroep OTO Bevolkingszorg stelt je een vraag (de Leerprikkelaar):",
            "", row.Question, "",
            link is null ? "Antwoord in Crisis, onder Leerprikkelaar." : $"Antwoord in Crisis: {link}",
        };
        if (row.Training is { } t)
        {
            lines.Add($"Je antwoord telt als training in je Veiligheidspaspoort ({t.Activity}).");
        }
        lines.AddRange(["", "Dit bericht is automatisch verstuurd door Crisis; een antwoord op deze e-mail wordt niet gelezen."]);
        return new MailContent(name, $"{(reminder ? "Herinnering Leerprikkelaar" : "Leerprikkelaar")}: {head}", string.Join("\n", lines) + "\n", false,
            [("X-Crisis-Leerprikkel", row.Id.ToString())]);
    }
}
