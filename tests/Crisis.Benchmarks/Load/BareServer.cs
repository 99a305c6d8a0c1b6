using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Crisis.Benchmarks.Load;

/// <summary>What the bare server stores and sends: the fields a log entry needs on the wire, nothing else.</summary>
public sealed record BareEntry(Guid Id, Guid IncidentId, int Seq, DateTimeOffset At, string Kind, string Text);

public sealed record BareAppend(string? Kind, string? Text);

/// <summary>
/// The baseline every load figure is compared with: the least a server can do for a durable, broadcast log append. No
/// authentication, no access check, no outbox, no bus: one writer with group commit (every append waiting when a batch
/// starts goes into one SQLite transaction, WAL with synchronous=FULL, the same durability Crisis has), then a SignalR
/// group broadcast, then the acknowledgement. With <c>durable: false</c> the database is left out (the fan-out baseline:
/// what SignalR alone costs). The same routes and hub method names as Crisis, so one client drives both.
/// </summary>
public static class BareServer
{
    public static async Task<WebApplication> StartAsync(string dbFile, bool durable)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSignalR(o => o.MaximumReceiveMessageSize = 64 * 1024);
        builder.Services.AddSingleton(sp => new BareLog(dbFile, durable, sp.GetRequiredService<IHubContext<BareHub>>()));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BareLog>());
        var app = builder.Build();
        app.MapPost("/api/incidents/{id:guid}/log", async (Guid id, BareAppend body, BareLog log, CancellationToken ct) =>
        {
            var entry = await log.AppendAsync(id, body.Kind ?? "info", body.Text ?? "", ct);
            return Results.Created($"/api/incidents/{id}/log?afterSeq={entry.Seq - 1}", entry);
        });
        app.MapHub<BareHub>("/hubs/crisis");
        LoadServer.MapBenchEndpoints(app);
        await app.StartAsync();
        return app;
    }
}

public sealed class BareHub(BareLog log) : Hub
{
    public async Task<IReadOnlyList<BareEntry>> JoinIncident(Guid incidentId, int afterSeq)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, incidentId.ToString("N"));
        return log.Read(incidentId, afterSeq, int.MaxValue);
    }

    public IReadOnlyList<BareEntry> ReadLog(Guid incidentId, int afterSeq, int limit) => log.Read(incidentId, afterSeq, limit);

    public Task<BareEntry> AppendLog(Guid incidentId, BareAppend request) =>
        log.AppendAsync(incidentId, request.Kind ?? "info", request.Text ?? "", Context.ConnectionAborted);
}

/// <summary>The bare server's single writer with group commit.</summary>
public sealed class BareLog : BackgroundService
{
    private readonly string _connectionString;
    private readonly bool _durable;
    private readonly IHubContext<BareHub> _hub;
    private readonly Channel<(Guid Incident, string Kind, string Text, TaskCompletionSource<BareEntry> Done)> _queue =
        Channel.CreateBounded<(Guid, string, string, TaskCompletionSource<BareEntry>)>(new BoundedChannelOptions(10_000) { SingleReader = true });
    private readonly Dictionary<Guid, int> _lastSeq = [];

    public BareLog(string dbFile, bool durable, IHubContext<BareHub> hub)
    {
        _connectionString = new SqliteConnectionStringBuilder { DataSource = dbFile, Pooling = true }.ToString();
        _durable = durable;
        _hub = hub;
        if (durable)
        {
            using var db = Open();
            Execute(db, "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS entries (id TEXT PRIMARY KEY, incident TEXT NOT NULL, seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL, UNIQUE (incident, seq));");
        }
    }

    public async Task<BareEntry> AppendAsync(Guid incident, string kind, string text, CancellationToken ct)
    {
        var done = new TaskCompletionSource<BareEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync((incident, kind, text, done), ct);
        return await done.Task;
    }

    public IReadOnlyList<BareEntry> Read(Guid incident, int afterSeq, int limit)
    {
        if (!_durable)
        {
            return [];
        }
        using var db = Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT id, seq, at, kind, text FROM entries WHERE incident = $i AND seq > $a ORDER BY seq LIMIT $l";
        cmd.Parameters.AddWithValue("$i", incident.ToString());
        cmd.Parameters.AddWithValue("$a", afterSeq);
        cmd.Parameters.AddWithValue("$l", limit);
        using var reader = cmd.ExecuteReader();
        var list = new List<BareEntry>();
        while (reader.Read())
        {
            list.Add(new BareEntry(Guid.Parse(reader.GetString(0)), incident, reader.GetInt32(1), DateTimeOffset.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetString(3), reader.GetString(4)));
        }
        return list;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var db = _durable ? Open() : null;
        var batch = new List<(Guid Incident, string Kind, string Text, TaskCompletionSource<BareEntry> Done)>();
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < 512 && _queue.Reader.TryRead(out var w))
            {
                batch.Add(w);
            }
            var entries = new List<BareEntry>(batch.Count);
            var now = DateTimeOffset.UtcNow;
            foreach (var w in batch)
            {
                var seq = _lastSeq.GetValueOrDefault(w.Incident) + 1;
                _lastSeq[w.Incident] = seq;
                entries.Add(new BareEntry(Guid.NewGuid(), w.Incident, seq, now, w.Kind, w.Text));
            }
            if (db is not null)
            {
                using var tx = db.BeginTransaction();
                using var cmd = db.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO entries (id, incident, seq, at, kind, text) VALUES ($id, $i, $s, $at, $k, $t)";
                var id = cmd.Parameters.Add("$id", SqliteType.Text);
                var inc = cmd.Parameters.Add("$i", SqliteType.Text);
                var s = cmd.Parameters.Add("$s", SqliteType.Integer);
                var at = cmd.Parameters.Add("$at", SqliteType.Text);
                var k = cmd.Parameters.Add("$k", SqliteType.Text);
                var t = cmd.Parameters.Add("$t", SqliteType.Text);
                foreach (var e in entries)
                {
                    (id.Value, inc.Value, s.Value, at.Value, k.Value, t.Value) = (e.Id.ToString(), e.IncidentId.ToString(), e.Seq, e.At.ToString("O"), e.Kind, e.Text);
                    await cmd.ExecuteNonQueryAsync(stoppingToken);
                }
                await tx.CommitAsync(stoppingToken);
            }
            for (var i = 0; i < batch.Count; i++)
            {
                await _hub.Clients.Group(entries[i].IncidentId.ToString("N")).SendAsync("LogEntryAdded", entries[i], stoppingToken);
                batch[i].Done.TrySetResult(entries[i]);
            }
        }
    }

    private SqliteConnection Open()
    {
        var db = new SqliteConnection(_connectionString);
        db.Open();
        Execute(db, "PRAGMA synchronous=FULL;");
        return db;
    }

    private static void Execute(SqliteConnection db, string sql)
    {
        using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
