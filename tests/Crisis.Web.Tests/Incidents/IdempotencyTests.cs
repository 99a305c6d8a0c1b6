using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Crisis.Web.Tests.Incidents;

/// <summary>
/// Idempotent appends (issue 12, point 2): the API's <c>Idempotency-Key</c> header and the hub's <c>idempotencyKey</c>
/// make a retry answer the entry the first try wrote and store nothing new, on one node and across nodes; a commit
/// whose answer was lost is said to be unknown (503 <c>log.outcome-unknown</c>), and its retry with the key finds it.
/// </summary>
[Collection(HostsCollection.Name)]
public sealed class IdempotencyTests(HostsFixture hosts)
{
    public static TheoryData<string> Topologies => Infrastructure.Topologies.All;

    public static TheoryData<DatabaseKind> Databases
    {
        get
        {
            var data = new TheoryData<DatabaseKind> { DatabaseKind.Sqlite };
            if (ExternalServices.Postgres is not null || ExternalServices.Required)
            {
                data.Add(DatabaseKind.Postgres);
            }
            return data;
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, Guid incidentId, string text, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/incidents/{incidentId}/log")
        {
            Content = JsonContent.Create(new { kind = "info", text }, options: Json.Options),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }
        return client.SendAsync(request);
    }

    private static async Task<LogEntryDto> EntryOf(HttpResponseMessage response)
    {
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<LogEntryDto>(Json.Options))!;
    }

    private static async Task<string?> CodeOf(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task RetryWithTheSameKey_AnswersTheOriginalEntry_WithTheSameStatus_AndStoresNothingNew(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var first = await PostAsync(client, incident.Id, "Brandweer ter plaatse", "draft-1");
        var second = await PostAsync(client, incident.Id, "Brandweer ter plaatse", "draft-1");

        var original = await EntryOf(first);
        var replay = await EntryOf(second);
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        second.Headers.Location.ShouldBe(first.Headers.Location);
        replay.Id.ShouldBe(original.Id);
        replay.Seq.ShouldBe(original.Seq);
        replay.At.ShouldBe(original.At);
        (await client.LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Brandweer ter plaatse"]);

        // Another key (and no key) writes again.
        await EntryOf(await PostAsync(client, incident.Id, "Brandweer ter plaatse", "draft-2"));
        await EntryOf(await PostAsync(client, incident.Id, "Brandweer ter plaatse", null));
        (await client.LogAsync(incident.Id)).Count.ShouldBe(3);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task TwoUsersWithTheSameKey_DoNotCollide(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var member = await app.CreateUserAsync(CrisisRole.Member);
        var incident = await app.OpenIncidentAsync(officer, false, member);

        var a = await EntryOf(await PostAsync(app.ClientFor(officer), incident.Id, "Van de officier", "same-key"));
        var b = await EntryOf(await PostAsync(app.ClientFor(member), incident.Id, "Van het lid", "same-key"));

        b.Id.ShouldNotBe(a.Id);
        (await app.ClientFor(officer).LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Van de officier", "Van het lid"]);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task ConcurrentRetriesWithOneKey_StoreOneEntry(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(async () => await EntryOf(await PostAsync(client, incident.Id, "Eén keer", "burst")))));

        answers.Select(e => e.Id).Distinct().Count().ShouldBe(1);
        (await client.LogAsync(incident.Id)).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("with space")]
    [InlineData("sleutel-é")]
    [InlineData("tab\tkey")]
    public async Task AnInvalidKey_IsRefused_AndNothingIsStored(string key)
    {
        var app = await hosts.GetAsync(Infrastructure.Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        var response = await PostAsync(client, incident.Id, "Niet opgeslagen", key);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "Idempotency-Key");
        (await CodeOf(response)).ShouldBe("log.idempotency-key-invalid");
        (await client.LogAsync(incident.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AKeyOfAHundredCharacters_IsTaken_AndOneMore_IsRefused()
    {
        var app = await hosts.GetAsync(Infrastructure.Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        await EntryOf(await PostAsync(client, incident.Id, "Lange sleutel", new string('k', 100)));
        var refused = await PostAsync(client, incident.Id, "Te lange sleutel", new string('k', 101));

        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await CodeOf(refused)).ShouldBe("log.idempotency-key-invalid");
        (await client.LogAsync(incident.Id)).Count.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Topologies))]
    public async Task HubAppendWithAClientKey_IsWrittenOnce(string topology)
    {
        var app = await hosts.GetAsync(topology);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        await using var hub = app.HubFor(officer);
        await hub.StartAsync();
        var request = new AppendLogRequest("info", "Via de hub", null, null, null, "hub-entry-1");

        var first = await hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, request);
        var again = await hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, request);
        // The API with the same key is the same client write too.
        var viaApi = await EntryOf(await PostAsync(app.ClientFor(officer), incident.Id, "Via de hub", "hub-entry-1"));

        again.Id.ShouldBe(first.Id);
        viaApi.Id.ShouldBe(first.Id);
        (await app.ClientFor(officer).LogAsync(incident.Id)).Count.ShouldBe(1);
        var refused = await Should.ThrowAsync<Microsoft.AspNetCore.SignalR.HubException>(() =>
            hub.InvokeAsync<LogEntryDto>("AppendLog", incident.Id, request with { IdempotencyKey = "met spatie" }));
        refused.Message.ShouldContain("log.idempotency-key-invalid");
    }

    [RabbitMqFact]
    public async Task TheSameKeyOnTwoNodes_StoresOneEntry_SequentiallyAndConcurrently()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var nodeA = new CrisisApp(database, BusKind.RabbitMq);
        await using var nodeB = new CrisisApp(database, BusKind.RabbitMq);
        var officer = await nodeA.CreateUserAsync(CrisisRole.Officer);
        var incident = await nodeA.OpenIncidentAsync(officer);
        nodeB.StartServer();
        var clients = new[] { nodeA.ClientFor(officer), nodeB.ClientFor(officer) };

        var onA = await EntryOf(await PostAsync(clients[0], incident.Id, "Eerst op A", "cross-node"));
        var onB = await PostAsync(clients[1], incident.Id, "Eerst op A", "cross-node");
        (await EntryOf(onB)).Id.ShouldBe(onA.Id);
        onB.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(async () => await EntryOf(await PostAsync(clients[i % 2], incident.Id, "Tegelijk", "race")))));
        answers.Select(e => e.Id).Distinct().Count().ShouldBe(1);
        (await clients[1].LogAsync(incident.Id)).Select(e => e.Text).ShouldBe(["Eerst op A", "Tegelijk"]);
    }

    [Theory, MemberData(nameof(Databases))]
    public async Task ACommitWhoseAnswerIsLost_IsSaidToBeUnknown_AndTheRetryWithTheKeyFindsTheEntry(DatabaseKind kind)
    {
        var lose = new LoseCommitAnswer(kind);
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var app = new CrisisApp(database, services: s =>
        {
            s.ConfigureDbContext<SqliteCrisisDbContext>(o => o.AddInterceptors(lose));
            s.ConfigureDbContext<PostgresCrisisDbContext>(o => o.AddInterceptors(lose));
        });
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var incident = await app.OpenIncidentAsync(officer);
        var client = app.ClientFor(officer);

        lose.Armed = true;
        var lost = await PostAsync(client, incident.Id, "Antwoord kwijt", "lost-answer");
        lose.Armed.ShouldBeFalse();

        await lost.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "same Idempotency-Key");
        (await CodeOf(lost)).ShouldBe("log.outcome-unknown");
        (await lost.Content.ReadAsStringAsync()).ShouldNotContain("Nothing was changed", Case.Insensitive);
        // It was committed: the retry with the same key answers it, and it stays one entry.
        var retried = await PostAsync(client, incident.Id, "Antwoord kwijt", "lost-answer");
        var entry = await EntryOf(retried);
        retried.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        (await client.LogAsync(incident.Id)).Select(e => e.Id).ShouldBe([entry.Id]);
    }

    /// <summary>
    /// Lets the database commit and then loses its answer, once when armed: what a connection that drops (or a server
    /// that crashes) between committing and answering gives the client.
    /// </summary>
    private sealed class LoseCommitAnswer(DatabaseKind kind) : DbTransactionInterceptor
    {
        private int _armed;

        public bool Armed
        {
            get => Volatile.Read(ref _armed) == 1;
            set => Volatile.Write(ref _armed, value ? 1 : 0);
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (Interlocked.CompareExchange(ref _armed, 0, 1) == 1)
            {
                throw kind == DatabaseKind.Postgres
                    ? new NpgsqlException("Exception while reading from stream", new EndOfStreamException())
                    : new SqliteException("disk I/O error", 10);
            }
            return Task.CompletedTask;
        }
    }
}
