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

    /// <summary>
    /// The address people open Crisis on (<c>https://crisis.example.nl</c>): the one base of every absolute link (alert
    /// e-mail and push, calendar subscriptions) and the site's own origin. Unset: links are relative where they can be,
    /// else made from the request (set it in production).
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>Further origins (comma-separated, e.g. <c>https://crisis.regio.nl</c>) allowed to use the login cookie against the API and hub.</summary>
    public string? AllowedOrigins { get; set; }

    /// <summary>The reverse proxies (comma-separated IP addresses) whose X-Forwarded-For/-Proto are believed; unset: none.</summary>
    public string? KnownProxies { get; set; }

    public DataProtectionOptions DataProtection { get; set; } = new();

    /// <summary><see cref="PublicUrl"/> when it is an absolute http(s) address.</summary>
    public Uri? PublicUri => Uri.TryCreate(PublicUrl?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>
    /// The base of the site's absolute links: <see cref="PublicUrl"/> (with a trailing slash), else <paramref name="fromRequest"/>
    /// (the request's own, whose Host a client can forge: production sets PublicUrl).
    /// </summary>
    public Uri SiteBase(Uri fromRequest) =>
        PublicUri is { } root ? new Uri(root.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/") : fromRequest;

    public static IReadOnlyList<string> ListOf(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Data-protection keys (cookies, antiforgery, circuits) encrypted at rest with a certificate; off when unset.</summary>
public sealed class DataProtectionOptions
{
    /// <summary>A PKCS#12 (.pfx) file with the certificate and its private key.</summary>
    public string? Certificate { get; set; }

    public string? CertificatePassword { get; set; }
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
