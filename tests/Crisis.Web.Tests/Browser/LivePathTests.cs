using System.Diagnostics;
using Crisis.Domain.Identity;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Crisis.Web.Tests.Browser;

/// <summary>
/// The incident page takes its live entries from the relay: a page that is open costs the database nothing per
/// entry written, however many pages are open.
/// </summary>
public sealed class LivePathTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Entries = 20;

    private CrisisApp _app = null!;
    private TestBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _app = await CrisisApp.StartAsync(kestrel: true);
        _browser = await TestBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _app.DisposeAsync();
        await _app.Database.DisposeAsync();
    }

    [BrowserFact]
    public async Task OpenIncidentPage_ReadsTheDatabaseNotOncePerLiveEntry()
    {
        var officer = await _app.CreateUserAsync(CrisisRole.Officer);
        var member = await _app.CreateUserAsync(CrisisRole.Member);
        var api = _app.ClientFor(officer);
        var closed = await _app.OpenIncidentAsync(officer, false, member);
        var watched = await _app.OpenIncidentAsync(officer, false, member);
        using var counter = new QueryCounter(_app.Database.ConnectionString);

        // The same writes with and without a page open: the difference is what the page costs.
        var (withoutPage, logReadsWithoutPage) = await counter.CountAsync(async () =>
        {
            for (var i = 1; i <= Entries; i++)
            {
                await api.AppendAsync(closed.Id, "info", $"Zonder pagina {i}");
            }
        });
        var page = await LoginAsync(member, $"/incidenten/{watched.Id}");
        var (withPage, logReadsWithPage) = await counter.CountAsync(async () =>
        {
            for (var i = 1; i <= Entries; i++)
            {
                await api.AppendAsync(watched.Id, "info", $"Met pagina {i}");
            }
            await Assertions.Expect(page.GetByTestId("log-entry")).ToHaveCountAsync(Entries,
                new LocatorAssertionsToHaveCountOptions { Timeout = 20_000 });
        });

        // All commands include the relay's resync (one query per few seconds for the watched incidents), so under
        // load they vary with time; the log reads are what a page used to cost per entry.
        var perEntry = (withPage - withoutPage) / (double)Entries;
        var logReadsPerEntry = (logReadsWithPage - logReadsWithoutPage) / (double)Entries;
        output.WriteLine($"{Entries} entries: {withoutPage} commands without the page, {withPage} with it: {perEntry:0.00} per entry for the page; "
            + $"log reads {logReadsWithoutPage} without, {logReadsWithPage} with: {logReadsPerEntry:0.00} per entry");
        var seqs = await page.GetByTestId("log-entry").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.seq)");
        seqs.ShouldBe(Enumerable.Range(1, Entries).Reverse().Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        logReadsPerEntry.ShouldBeLessThan(0.5);

        // Closing the page ends its circuit (and the prerendered copy ended with its request): nobody watches now.
        var relay = _app.Services.GetRequiredService<Crisis.Web.Incidents.LiveLogRelay>();
        relay.Watched.ShouldContain(watched.Id);
        await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (relay.Watched.Contains(watched.Id) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        relay.Watched.ShouldNotContain(watched.Id);
    }

    private async Task<IPage> LoginAsync(TestUser user, string path)
    {
        var page = await _browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        await page.GotoAsync(new Uri(_app.RootUri, $"/login?returnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.FillAsync("#email", user.Email);
        await page.FillAsync("#password", "test-password-123");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"**{path}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        return page;
    }

    /// <summary>Counts the database commands EF Core runs on one test database, from its diagnostic events.</summary>
    private sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _dataSource;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;
        private int _logReads;

        public QueryCounter(string connectionString)
        {
            _dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>The commands run during <paramref name="work"/>, and how many of them read log entries.</summary>
        public async Task<(int Commands, int LogReads)> CountAsync(Func<Task> work)
        {
            var (before, logBefore) = (Volatile.Read(ref _count), Volatile.Read(ref _logReads));
            await work();
            return (Volatile.Read(ref _count) - before, Volatile.Read(ref _logReads) - logBefore);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData data
                && data.Command.Connection?.DataSource is { } source && source.EndsWith(Path.GetFileName(_dataSource), StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
                var sql = data.Command.CommandText;
                if (sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && sql.Contains("\"log_entries\"", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _logReads);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }
}
