using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Domain.Teams;
using Crisis.Web.Alerting.Channels;
using Crisis.Web.Data;
using Crisis.Web.Organisation;
using Crisis.Web.Teams;
using Crisis.Web.Tests.Alerting;
using Crisis.Web.Tests.Alerting.Channels;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Teams;

/// <summary>
/// A host for the Leerprikkelaar: the real host on a fake clock (1 March 2027, 09:00) with e-mail to a mail server on
/// loopback; <see cref="PassAsync"/> runs one pass of the Leerprikkelaar's timer at the clock's now.
/// </summary>
public sealed class LeerprikkelHost : IAsyncDisposable
{
    public const string From = "Crisis <oto@vrzz.example>";
    public const string PublicUrl = "https://crisis.example.nl";

    private LeerprikkelHost(AlertingHost host, LoopbackSmtp smtp, bool ownsSmtp)
    {
        Host = host;
        Smtp = smtp;
        _ownsSmtp = ownsSmtp;
    }

    private readonly bool _ownsSmtp;

    public AlertingHost Host { get; }
    public LoopbackSmtp Smtp { get; }
    public HttpClient Coordinator => Host.Kit.Coordinator;
    public static DateTimeZone Zone => AlertingHost.Zone;
    public LocalDate Today => Host.Now.InZone(Zone).Date;

    public static async Task<LeerprikkelHost> StartAsync(DatabaseKind kind = DatabaseKind.Sqlite)
    {
        var smtp = await LoopbackSmtp.StartAsync();
        var database = await TestDatabase.CreateAsync(kind);
        var host = await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o => Configure(o, smtp.Url)), database, new FakeClock(AlertingHost.Start));
        return new LeerprikkelHost(host, smtp, true);
    }

    /// <summary>A second node on the same database, clock and mail server.</summary>
    public async Task<LeerprikkelHost> SecondNodeAsync() =>
        new(await AlertingHost.StartWithAsync(s => s.Configure<AlertChannelOptions>(o => Configure(o, Smtp.Url)), Host.Database, Host.Clock), Smtp, false);

    private static void Configure(AlertChannelOptions o, string smtp)
    {
        o.Mail.Smtp = smtp;
        o.Mail.From = From;
        o.PublicUrl = PublicUrl;
    }

    public Task<int> PassAsync() => Host.App.Services.GetRequiredService<LeerprikkelScheduler>().RunDueAsync();

    /// <summary>Moves the clock to <paramref name="local"/> (region time) and runs a pass.</summary>
    public async Task<int> AtAsync(LocalDateTime local)
    {
        var target = local.InZoneStrictly(Zone).ToInstant();
        if (target > Host.Now)
        {
            Host.Clock.Reset(target);
        }
        return await PassAsync();
    }

    public HttpClient ClientFor(TestUser user) => Host.ClientFor(user);

    /// <summary>Staffs WG-OTO with a chair and two members (plain members: they write questions, not paspoort records).</summary>
    public async Task<(PersonDto Person, TestUser User)> OtoMemberAsync()
    {
        var chair = await Host.Kit.PersonAsync(CrisisRole.ExerciseLead);
        var a = await Host.Kit.PersonAsync(CrisisRole.Member);
        var b = await Host.Kit.PersonAsync(CrisisRole.Member);
        (await Coordinator.PutAsJsonAsync($"/api/teams/{TeamCatalogue.WgOto}/members", new
        {
            members = new[] { new { personId = chair.Person.Id, role = "chair" }, new { personId = a.Person.Id, role = "member" }, new { personId = b.Person.Id, role = "member" } },
        }, Json.Options)).EnsureSuccessStatusCode();
        return a;
    }

    public static object Question(string[] audience, LocalDate sendOn, int? reminderAfterDays = 7, object? training = null,
        string question = "Welke processen van Bevolkingszorg start je als eerste bij een grote brand?") =>
        new { question, audience, sendOn = sendOn.ToString("uuuu-MM-dd", null), reminderAfterDays, training };

    public static async Task<LeerprikkelDto> CreateAsync(HttpClient by, object body)
    {
        var response = await by.PostAsJsonAsync("/api/leerprikkels", body, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<LeerprikkelDto>(Json.Options))!;
    }

    public async Task<LeerprikkelDto> GetAsync(Guid id, HttpClient? by = null) =>
        (await (by ?? Coordinator).GetFromJsonAsync<LeerprikkelDto>($"/api/leerprikkels/{id}", Json.Options))!;

    public async Task<List<MyLeerprikkelDto>> MineAsync(TestUser user) =>
        (await ClientFor(user).GetFromJsonAsync<List<MyLeerprikkelDto>>("/api/leerprikkels/mine", Json.Options))!;

    public Task<HttpResponseMessage> AnswerAsync(TestUser user, Guid id, string? text) =>
        ClientFor(user).PostAsJsonAsync($"/api/leerprikkels/{id}/answer", new { text }, Json.Options);

    /// <summary>The e-mails about question <paramref name="id"/> that reached the mail server.</summary>
    public IReadOnlyList<LoopbackSmtp.Received> MailsOf(Guid id) =>
        Smtp.Messages.Where(m => m.Message.Headers["X-Crisis-Leerprikkel"] == id.ToString()).ToList();

    public async Task<(int Questions, int Deliveries, int Answered)> RowsAsync()
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        return (await db.Set<LeerprikkelRecord>().CountAsync(), await db.Set<LeerprikkelDeliveryRecord>().CountAsync(),
            await db.Set<LeerprikkelDeliveryRecord>().CountAsync(d => d.AnsweredAt != null));
    }

    public async Task<List<string>> AuditAsync(string outcome)
    {
        await using var scope = Host.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().AuditTrail
            .Where(r => r.Action.StartsWith("leerprikkel.") && r.Outcome == outcome).Select(r => r.Action).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsSmtp)
        {
            await Smtp.DisposeAsync();
            await Host.Database.DisposeAsync();
        }
    }
}
