using System.Globalization;
using Crisis.Benchmarks.Alerting;
using Crisis.Benchmarks.Incidents;
using Crisis.Benchmarks.Load;
using Crisis.Benchmarks.Roster;

// Crisis benchmarks: an executable, not part of `dotnet test`. Each prints its numbers and the ratio to a
// baseline measured in the same run.
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- log [entries] [team]
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- roster
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- alerting [openAlerts]
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- append [writers=50] [seconds=10] [rate=500] [postgres]
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- fanout [clients=100] [samples=100]
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- connections [n=1000]   (up to 10000)
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- resync [entries=10000] [joins=20]
var which = args.Length > 0 ? args[0] : "log";
int Arg(int i, int fallback) => args.Length > i && int.TryParse(args[i], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
switch (which)
{
    case "log":
        await LogAppendBenchmark.RunAsync(Arg(1, 1000), args.Length > 2 ? args[2] : null);
        return 0;
    case "roster": await RegionCoverageBenchmark.RunAsync(); return 0;
    case "alerting":
        await AlertingBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var open) && open >= 0 ? open : 1000);
        return 0;
    case "append": await LoadBenchmarks.AppendAsync(Arg(1, 50), Arg(2, 10), Arg(3, 500), args.Contains("postgres")); return 0;
    case "fanout": await LoadBenchmarks.FanoutAsync(Arg(1, 100), Arg(2, 100)); return 0;
    case "connections": await LoadBenchmarks.ConnectionsAsync(Math.Min(Arg(1, 1000), 10_000)); return 0;
    case "resync": await LoadBenchmarks.ResyncAsync(Arg(1, 10_000), Arg(2, 20)); return 0;
    case "serve": return await LoadServer.ServeAsync(args);
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: log [entries] [team], roster, alerting [openAlerts], "
            + "append [writers] [seconds] [rate], fanout [clients] [samples], connections [n], resync [entries] [joins]");
        return 2;
}
