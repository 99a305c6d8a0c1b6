namespace Crisis.Web.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL server and RabbitMQ broker that ops/test starts. When they are not configured the tests
/// that need them are skipped, unless CRISIS_REQUIRE_EXTERNAL=1 (as ops/test sets), in which case they run and fail.
/// </summary>
public static class ExternalServices
{
    public static string? Postgres => Environment.GetEnvironmentVariable("CRISIS_TEST_POSTGRES");
    public static string? RabbitMq => Environment.GetEnvironmentVariable("CRISIS_TEST_RABBITMQ");
    public static string? RabbitMqCtl => Environment.GetEnvironmentVariable("CRISIS_TEST_RABBITMQ_CTL");
    public static string Chromium => Environment.GetEnvironmentVariable("CRISIS_TEST_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("CRISIS_REQUIRE_EXTERNAL") == "1";

    internal static string? SkipReason(string what, bool available) =>
        available || Required ? null : $"{what} is not configured; run ops/test, which starts it.";
}

/// <summary>A test that needs the PostgreSQL server started by ops/test.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = ExternalServices.SkipReason("PostgreSQL (CRISIS_TEST_POSTGRES)", ExternalServices.Postgres is not null);
}

/// <summary>A test that needs the RabbitMQ broker (and PostgreSQL) started by ops/test.</summary>
public sealed class RabbitMqFactAttribute : FactAttribute
{
    public RabbitMqFactAttribute() => Skip = ExternalServices.SkipReason(
        "RabbitMQ and PostgreSQL (CRISIS_TEST_RABBITMQ, CRISIS_TEST_POSTGRES)",
        ExternalServices.RabbitMq is not null && ExternalServices.Postgres is not null);
}

/// <summary>A test that needs Debian's Chromium; when it fails, its open pages are kept as screenshots (FailureScreenshots).</summary>
[Xunit.Sdk.XunitTestCaseDiscoverer("Crisis.Web.Tests.Browser.ScreenshotOnFailureDiscoverer", "Crisis.Web.Tests")]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = ExternalServices.SkipReason("Chromium", File.Exists(ExternalServices.Chromium));
}
