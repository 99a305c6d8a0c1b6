using System.Diagnostics;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Crisis.Web.Tests.Platform;

/// <summary>
/// Each node start makes a queue of its own on the broker; restarts must not leave those queues behind, collecting every
/// event. Twenty restarts against a virtual host of their own, then the broker is asked what is left.
/// </summary>
public sealed class NodeQueueTests
{
    [RabbitMqFact]
    public async Task TwentyRestarts_LeaveNoNodeQueueBehind_OnceTheExpiryHasPassed()
    {
        var ctl = ExternalServices.RabbitMqCtl ?? throw new InvalidOperationException("CRISIS_TEST_RABBITMQ_CTL is not set; run ops/test.");
        var vhost = $"crisis-queues-{Guid.NewGuid():N}";
        await RunAsync(ctl, "add_vhost", vhost);
        try
        {
            await RunAsync(ctl, "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*");
            var broker = new UriBuilder(ExternalServices.RabbitMq!) { Path = "/" + vhost }.Uri.ToString();
            await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
            var seen = new HashSet<string>();
            for (var restart = 0; restart < 20; restart++)
            {
                await using var node = new CrisisApp(database, BusKind.RabbitMq).WithWebHostBuilder(b =>
                {
                    b.UseSetting("Crisis:Bus:RabbitMq:Host", broker);
                    b.UseSetting("Crisis:Bus:RabbitMq:NodeQueueExpiry", "00:00:03");
                });
                node.StartServer();
                // The node's queue exists once its bus is up: wait for a name not seen before.
                await UntilAsync(async () => (await NodeQueuesAsync(ctl, vhost)).Select(q => q.Name).Any(seen.Add), $"the queue of node {restart + 1}");
            }
            seen.Count.ShouldBe(20);

            // Fails (times out) while any node queue is still there a minute after the last node stopped.
            await UntilAsync(async () => (await NodeQueuesAsync(ctl, vhost)).Count == 0, "every node queue to expire after its node stopped");
        }
        finally
        {
            await RunAsync(ctl, "delete_vhost", vhost);
        }
    }

    private sealed record Queue(string Name, long Messages);

    /// <summary>The per-node queues on the virtual host (the shared work queue is meant to stay).</summary>
    private static async Task<List<Queue>> NodeQueuesAsync(string ctl, string vhost)
    {
        var output = await RunAsync(ctl, "list_queues", "-p", vhost, "--quiet", "--no-table-headers", "name", "messages");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t', ' '))
            .Where(parts => parts.Length >= 2 && parts[0].StartsWith("crisis-node-", StringComparison.Ordinal))
            .Select(parts => new Queue(parts[0], long.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>Asks again until <paramref name="probe"/> answers, for at most a minute (the broker is the clock here).</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe, string what) where T : class
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            if (deadline.Elapsed > TimeSpan.FromMinutes(1))
            {
                throw new TimeoutException($"Waited a minute for {what}.");
            }
            await Task.Delay(250);
        }
    }

    private static async Task UntilAsync(Func<Task<bool>> probe, string what) =>
        await UntilAsync<object>(async () => await probe() ? what : null, what);

    private static async Task<string> RunAsync(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{command} {string.Join(' ', arguments)} failed: {await stderr}");
        return stdout;
    }
}
