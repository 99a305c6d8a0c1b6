using Crisis.Benchmarks.Alerting;
using Crisis.Benchmarks.Incidents;
using Crisis.Benchmarks.Roster;

// Crisis benchmarks: an executable, not part of `dotnet test`. Each prints its numbers and the ratio to a
// baseline measured in the same run.
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- log [entries] [team]
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- roster
//   dotnet run -c Release --project tests/Crisis.Benchmarks -- alerting [openAlerts]
var which = args.Length > 0 ? args[0] : "log";
switch (which)
{
    case "log":
        await LogAppendBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var n) && n > 0 ? n : 1000, args.Length > 2 ? args[2] : null);
        return 0;
    case "roster": await RegionCoverageBenchmark.RunAsync(); return 0;
    case "alerting":
        await AlertingBenchmark.RunAsync(args.Length > 1 && int.TryParse(args[1], out var open) && open >= 0 ? open : 1000);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: log [entries] [team], roster, alerting [openAlerts]");
        return 2;
}
