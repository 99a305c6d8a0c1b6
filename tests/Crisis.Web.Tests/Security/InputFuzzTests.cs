using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Crisis.Domain.Identity;
using Crisis.Web.Data;
using Crisis.Web.Incidents;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Crisis.Web.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document, sent the bad input a careless or hostile client sends: dates at
/// NodaTime's ends (years 1 and 9999) in every date, instant and month field, control characters and strings of
/// only zero-width spaces in every string field, an unknown id. None may answer 500, and none may store anything.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] BadStrings = ["\u0000", "a\u0001b", "x\u007F", "\u200B\u200B", "\u200B \uFEFF", "a\tb\r\nc"];

    private static readonly string[] BadDates =
        ["0001-01-01", "9999-12-31", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "9999-12", "0001-01", "9999-12-31T23:59:00", "0001-01-01T00:00:00"];

    private sealed record Case(string Method, string Url, string? Body, string What);

    [Fact]
    public async Task EveryOperation_BadInputIsNeverA500AndStoresNothing()
    {
        await using var app = await CrisisApp.StartAsync();
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var incident = await app.OpenIncidentAsync(coordinator);

        using var doc = JsonDocument.Parse(await app.ClientFor(null).GetStringAsync("/openapi/v1.json"));
        var cases = CasesOf(doc.RootElement, incident.Id).ToList();
        cases.Count.ShouldBeGreaterThan(200);

        var before = await RowCountsAsync(app);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        foreach (var c in cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), c.Url);
            if (c.Body is not null)
            {
                request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
            }
            var response = await client.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{status} {c.Method} {c.Url} {c.What} {Shorten(c.Body)}");
            }
            else if (status is >= 200 and < 300 && c.Method != "GET")
            {
                failures.Add($"accepted {status} {c.Method} {c.Url} {c.What} {Shorten(c.Body)}");
            }
        }
        var after = await RowCountsAsync(app);
        foreach (var (table, count) in after)
        {
            if (before.GetValueOrDefault(table) != count)
            {
                failures.Add($"stored: {table} {before.GetValueOrDefault(table)} → {count}");
            }
        }
        output.WriteLine($"{cases.Count} requests: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        foreach (var f in failures)
        {
            output.WriteLine(f);
        }
        failures.ShouldBeEmpty(string.Join("\n", failures.Take(60)));
    }

    [Fact]
    public async Task EveryHubMethod_BadInputIsARefusal_NotADroppedConnection_AndStoresNothing()
    {
        await using var app = await CrisisApp.StartAsync();
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var incident = await app.OpenIncidentAsync(coordinator);
        await using var hub = app.HubFor(coordinator);
        await hub.StartAsync();
        var before = await RowCountsAsync(app);
        var unknown = Guid.NewGuid();

        var calls = new List<(string What, Func<Task> Call)>
        {
            ("JoinIncident unknown id", () => hub.InvokeAsync<object>("JoinIncident", unknown, 0)),
            ("JoinIncident negative afterSeq", () => hub.InvokeAsync<object>("JoinIncident", incident.Id, -1)),
            ("ReadLog unknown id", () => hub.InvokeAsync<object>("ReadLog", unknown, 0, 10)),
            ("ReadLog negative afterSeq", () => hub.InvokeAsync<object>("ReadLog", incident.Id, -5, 10)),
            ("AppendLog unknown id", () => hub.InvokeAsync<object>("AppendLog", unknown, new AppendLogRequest("info", "x", null, null, null))),
            ("AppendLog null body", () => hub.InvokeAsync<object>("AppendLog", incident.Id, null)),
        };
        foreach (var bad in BadStrings)
        {
            if (bad != "a\tb\r\nc") // line breaks and tabs are fine in a log entry's text
            {
                calls.Add(($"AppendLog text {Escape(bad)}", () => hub.InvokeAsync<object>("AppendLog", incident.Id, new AppendLogRequest("info", bad, null, null, null))));
            }
            calls.Add(($"AppendLog kind {Escape(bad)}", () => hub.InvokeAsync<object>("AppendLog", incident.Id, new AppendLogRequest(bad, "tekst\u0000", null, null, null))));
            calls.Add(($"AppendLog team {Escape(bad)}", () => hub.InvokeAsync<object>("AppendLog", incident.Id, new AppendLogRequest("info", "x\u0001", bad, null, null))));
        }
        var failures = new List<string>();
        foreach (var (what, call) in calls)
        {
            try
            {
                await call();
                failures.Add($"accepted: {what}");
            }
            catch (Microsoft.AspNetCore.SignalR.HubException ex) when (ex.Message.Contains('[', StringComparison.Ordinal))
            {
                // A refusal with its status and code.
            }
            catch (Exception ex)
            {
                failures.Add($"{what}: {ex.GetType().Name} {ex.Message}");
            }
        }

        failures.ShouldBeEmpty(string.Join("\n", failures));
        hub.State.ShouldBe(Microsoft.AspNetCore.SignalR.Client.HubConnectionState.Connected);
        (await RowCountsAsync(app)).ShouldBe(before);
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length > 200 ? s[..200] + "…" : s;

    /// <summary>Row counts of every table but the audit trail (refusals are audited) and the data-protection keys.</summary>
    internal static async Task<Dictionary<string, long>> RowCountsAsync(CrisisApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrisisDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct()
            .Where(t => !t.Contains("Audit", StringComparison.OrdinalIgnoreCase) && !t.Contains("DataProtection", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        return counts;
    }

    private static IEnumerable<Case> CasesOf(JsonElement root, Guid incidentId)
    {
        var schemas = root.TryGetProperty("components", out var comp) && comp.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
        {
            if (!path.Name.StartsWith("/api", StringComparison.Ordinal))
            {
                continue;
            }
            foreach (var op in path.Value.EnumerateObject())
            {
                var method = op.Name.ToUpperInvariant();
                if (method is not ("GET" or "POST" or "PUT" or "DELETE" or "PATCH"))
                {
                    continue;
                }
                var parameters = op.Value.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
                var pathParams = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
                var queryParams = parameters.Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList();
                JsonElement? body = op.Value.TryGetProperty("requestBody", out var rb) && rb.TryGetProperty("content", out var content)
                    && content.TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var schema) ? schema : null;

                // Path values: an unknown id and, for an incident's operations, the real incident (so the body is read).
                var idValues = new List<string> { Guid.NewGuid().ToString() };
                if (path.Name.StartsWith("/api/incidents/{id}", StringComparison.Ordinal))
                {
                    idValues.Add(incidentId.ToString());
                }
                var urls = new List<(string Url, string What)>();
                if (pathParams.Any(IsUuid))
                {
                    urls.Add((Fill(path.Name, pathParams, _ => idValues[0], "x"), "unknown id"));
                }
                // A NUL in the path never reaches Crisis: Kestrel (and the test server) refuse the request line.
                foreach (var bad in BadStrings.Where(b => !b.Contains('\0', StringComparison.Ordinal)))
                {
                    if (pathParams.Any(p => !IsUuid(p)))
                    {
                        urls.Add((Fill(path.Name, pathParams, _ => idValues[^1], bad), $"path {Escape(bad)}"));
                    }
                }

                var emptyBody = body is null ? null : "{}";
                foreach (var (url, what) in urls)
                {
                    yield return new Case(method, url, emptyBody, what);
                }
                var knownUrl = Fill(path.Name, pathParams, _ => idValues[^1], "OVD-BZ");
                foreach (var q in queryParams)
                {
                    foreach (var bad in BadDates.Concat(BadStrings))
                    {
                        yield return new Case(method, $"{knownUrl}?{q}={Uri.EscapeDataString(bad)}", emptyBody, $"query {q}={Escape(bad)}");
                    }
                }
                if (body is { } b)
                {
                    // Only bodies that carry the bad value somewhere: a body without a string or date field is a good request.
                    foreach (var bad in BadStrings)
                    {
                        var filled = new Filled();
                        var sample = Sample(b, schemas, null, bad, filled);
                        if (filled.Count > 0)
                        {
                            yield return new Case(method, knownUrl, sample?.ToJsonString(), $"body strings {Escape(bad)}");
                        }
                    }
                    foreach (var bad in new[] { "0001-01-01", "9999-12-31" })
                    {
                        var filled = new Filled();
                        var sample = Sample(b, schemas, bad, null, filled);
                        if (filled.Count > 0)
                        {
                            yield return new Case(method, knownUrl, sample?.ToJsonString(), $"body dates {bad}");
                        }
                    }
                }
            }
        }
    }

    private static string Escape(string s) => JsonSerializer.Serialize(s);

    private static bool IsUuid(JsonElement parameter) =>
        parameter.TryGetProperty("schema", out var schema) && schema.TryGetProperty("format", out var f) && f.GetString() == "uuid";

    private static string Fill(string template, List<JsonElement> pathParams, Func<string, string> id, string text)
    {
        var url = template;
        foreach (var p in pathParams)
        {
            var name = p.GetProperty("name").GetString()!;
            url = url.Replace($"{{{name}}}", Uri.EscapeDataString(IsUuid(p) ? id(name) : text), StringComparison.Ordinal);
        }
        return url;
    }

    private static bool IsDateName(string name) =>
        name.ToLowerInvariant() is "date" or "from" or "to" or "at" or "start" or "end" or "month" or "since" or "until" or "startdate" or "enddate"
            or "firststart" or "handoverdate" or "validfrom" or "validuntil" or "expires";

    /// <summary>
    /// A body of the schema: every string field <paramref name="badString"/>, or every date-like field
    /// <paramref name="badDate"/> (the other strings a plain word).
    /// </summary>
    private sealed class Filled
    {
        public int Count { get; set; }
    }

    private static JsonNode? Sample(JsonElement schema, JsonElement schemas, string? badDate, string? badString, Filled filled, string name = "", int depth = 0)
    {
        if (depth > 6)
        {
            return null;
        }
        if (schema.TryGetProperty("$ref", out var r) && schemas.ValueKind == JsonValueKind.Object)
        {
            var refName = r.GetString()!.Split('/')[^1];
            return schemas.TryGetProperty(refName, out var target) ? Sample(target, schemas, badDate, badString, filled, name, depth + 1) : null;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                var first = options.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"));
                return first.ValueKind == JsonValueKind.Undefined ? null : Sample(first, schemas, badDate, badString, filled, name, depth + 1);
            }
        }
        var type = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        switch (type)
        {
            case "object":
                var o = new JsonObject();
                if (schema.TryGetProperty("properties", out var props))
                {
                    foreach (var p in props.EnumerateObject())
                    {
                        o[p.Name] = Sample(p.Value, schemas, badDate, badString, filled, p.Name, depth + 1);
                    }
                }
                return o;
            case "array":
                var items = schema.TryGetProperty("items", out var it) ? Sample(it, schemas, badDate, badString, filled, name, depth + 1) : null;
                return new JsonArray(items);
            case "integer":
                return 1;
            case "number":
                return 1.0;
            case "boolean":
                return false;
            case "string" when format == "uuid":
                return Guid.NewGuid().ToString();
            case "string" when format is "date" or "date-time" || IsDateName(name):
                filled.Count++;
                return badDate is null ? (badString ?? "2026-03-23") : MonthOrInstant(name, badDate);
            case "string":
                filled.Count += badString is null ? 0 : 1;
                return badString ?? "Test";
            case null when name.Length > 0 && (badString is not null || IsDateName(name)):
                filled.Count++;
                return badString ?? MonthOrInstant(name, badDate!);
            default:
                return null;
        }
    }

    private static string MonthOrInstant(string name, string date) => name.ToLowerInvariant() switch
    {
        "month" => date[..7],
        "at" or "since" or "expires" => date + "T12:00:00Z",
        "start" or "end" or "firststart" => date + "T08:00:00",
        _ => date,
    };

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var t))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }
        return t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Select(x => x.GetString()).FirstOrDefault(x => x != "null")
            : t.GetString();
    }
}
