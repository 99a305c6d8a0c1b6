using System.Text.Json;
using Crisis.Domain;
using Microsoft.AspNetCore.Diagnostics;

namespace Crisis.Web.Platform;

/// <summary>
/// Turns every failure of an API call into RFC 7807 problem details with a message a person understands:
/// broken rules keep their status (400/403/404/409/413), unreadable requests are 400 (or 413), and only a
/// real fault is a 500, without its internals.
/// </summary>
internal sealed class ProblemMapping(IProblemDetailsService problems, Phrasebook phrases, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        exception = AsRefusal(exception);
        var (status, title, detail, field) = exception switch
        {
            RuleViolationException r => (StatusOf(r.Kind), TitleOf(r.Kind), phrases.English(r.Phrase), r.Field),
            BadHttpRequestException { StatusCode: 413 } => (413, "Request too large",
                $"The request body is larger than the {RequestLimits.MaxBodyBytes / 1024} KB allowed.", null),
            BadHttpRequestException b when b.InnerException is JsonException j => (400, "Malformed JSON",
                $"The request body is not valid JSON for this call: {j.Message}", null),
            BadHttpRequestException b => (b.StatusCode, "Bad request", b.Message, null),
            JsonException j => (400, "Malformed JSON", $"The request body is not valid JSON for this call: {j.Message}", null),
            _ => (500, "Something went wrong", phrases.English(PlatformPhrases.Failed.With()), (string?)null),
        };
        if (status == 500)
        {
            PlatformLog.Unhandled(logger, http.Request.Method, http.Request.Path, exception);
        }
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        };
        if (exception is RuleViolationException refusal)
        {
            context.ProblemDetails.Extensions["code"] = refusal.Code;
        }
        if (field is not null)
        {
            context.ProblemDetails.Extensions["field"] = field;
        }
        return await problems.TryWriteAsync(context);
    }

    /// <summary>A failure that is a refusal in disguise (a date out of range in a JSON body) as that refusal.</summary>
    internal static Exception AsRefusal(Exception exception) => exception switch
    {
        OutOfRangeJsonException o => o.ToRefusal(),
        BadHttpRequestException { InnerException: OutOfRangeJsonException o } => o.ToRefusal(),
        // The database is away (down, refusing connections, hung past the command timeout): 503, not 500.
        _ when Crisis.Web.Data.DbErrors.IsUnavailable(exception) => PlatformPhrases.DatabaseUnavailable.Raise(),
        _ => exception,
    };

    internal static int StatusOf(ViolationKind kind) => kind switch
    {
        ViolationKind.Invalid => 400,
        ViolationKind.Forbidden => 403,
        ViolationKind.NotFound => 404,
        ViolationKind.Conflict => 409,
        ViolationKind.TooLarge => 413,
        ViolationKind.TooMany => 429,
        ViolationKind.Unavailable => 503,
        _ => 400,
    };

    private static string TitleOf(ViolationKind kind) => kind switch
    {
        ViolationKind.Invalid => "Invalid request",
        ViolationKind.Forbidden => "Forbidden",
        ViolationKind.NotFound => "Not found",
        ViolationKind.Conflict => "Conflict",
        ViolationKind.TooLarge => "Request too large",
        ViolationKind.TooMany => "Too many requests",
        ViolationKind.Unavailable => "Service unavailable",
        _ => "Invalid request",
    };
}

/// <summary>Limits on what a client may send.</summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 64 * 1024;
    public const long MaxHubMessageBytes = 64 * 1024;

    /// <summary>
    /// Refuses an API body above the limit before anything reads it. Kestrel enforces the same limit for bodies
    /// without a length; this covers every host, the test server included.
    /// </summary>
    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            if (http.Request.ContentLength > MaxBodyBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }
            var feature = http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = MaxBodyBytes;
            }
        }
        await next(http);
    });
}

internal static partial class PlatformLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure in {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, string method, string path, Exception ex);
}
