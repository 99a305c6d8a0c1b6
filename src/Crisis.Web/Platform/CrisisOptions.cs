using System.ComponentModel.DataAnnotations;

namespace Crisis.Web.Platform;

/// <summary>The <c>Crisis</c> configuration section; validated at start-up so a typo fails loudly.</summary>
public sealed class CrisisOptions
{
    public const string Section = "Crisis";

    public DatabaseOptions Database { get; set; } = new();
    public BusOptions Bus { get; set; } = new();

    /// <summary>The region's time zone (IANA id) in which local times are shown and entered.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Where exercise scenarios are read from.</summary>
    public string ScenarioPath { get; set; } = "exercises";

    /// <summary>Seed the demo region on an empty database at start-up. Null: only in Development.</summary>
    public bool? SeedDemo { get; set; }
}

public sealed class DatabaseOptions
{
    [Required]
    [RegularExpression("^(Sqlite|Postgres)$", ErrorMessage = "Crisis:Database:Provider must be Sqlite or Postgres.")]
    public string Provider { get; set; } = "Sqlite";
}

public sealed class BusOptions
{
    [Required]
    [RegularExpression("^(InMemory|RabbitMq)$", ErrorMessage = "Crisis:Bus:Transport must be InMemory or RabbitMq.")]
    public string Transport { get; set; } = "InMemory";

    public RabbitMqOptions RabbitMq { get; set; } = new();
}

public sealed class RabbitMqOptions
{
    [Required]
    public string Host { get; set; } = "amqp://guest:guest@127.0.0.1:5672/";

    /// <summary>
    /// How long a node's own queue outlives its node (unused, no consumer): long enough to ride out a reconnect or a
    /// broker restart, short enough that restarts leave nothing collecting events. What a node misses while away it
    /// reads from the database when its clients resync.
    /// </summary>
    public TimeSpan NodeQueueExpiry { get; set; } = DefaultNodeQueueExpiry;

    public static readonly TimeSpan DefaultNodeQueueExpiry = TimeSpan.FromMinutes(3);
}
