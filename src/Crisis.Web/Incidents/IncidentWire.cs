using Crisis.Domain.Identity;
using Crisis.Domain.Incidents;
using Crisis.Web.Identity;

namespace Crisis.Web.Incidents;

/// <summary>
/// The wire shapes of the HTTP API and the hub, read into the domain's typed requests and written back from its
/// results: the only place where kind names and request bodies are parsed.
/// </summary>
internal static class IncidentWire
{
    /// <summary>
    /// The entry a request asks for. A kind that cannot be read is refused after <paramref name="refuseFirst"/>,
    /// which refuses what comes first (an unknown or closed incident, a caller who may not write), as it always did.
    /// </summary>
    public static async Task<AppendEntry> ToAppendEntryAsync(AppendLogRequest? request, Func<Task> refuseFirst)
    {
        if (request is null)
        {
            throw IncidentServiceRefusals.EntryMissing.Raise();
        }
        if (!LogEntryKinds.TryParse(request.Kind, out var kind))
        {
            await refuseFirst();
            kind = LogRules.ParseKind(request.Kind);
        }
        return new AppendEntry(kind, request.Text, request.Team, request.CorrectsSeq, request.CompletesSeq);
    }

    /// <summary>The header of the API that makes an append happen once.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The header a replayed append answers with (its key had written the entry before).</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxClientKey = 100;

    /// <summary>
    /// The stored key of a client's <paramref name="key"/>: <c>client:{userId}:{key}</c>, so that two users can never
    /// collide (nor a client with Crisis's own <c>alert:</c> and <c>inject:</c> keys). Null without a key; a key that
    /// is empty, longer than <see cref="MaxClientKey"/> or not visible ASCII is refused.
    /// </summary>
    public static string? ClientKey(Actor actor, string? key)
    {
        if (key is null)
        {
            return null;
        }
        if (key.Length is 0 or > MaxClientKey || key.Any(c => c is < '!' or > '~'))
        {
            throw IncidentServiceRefusals.IdempotencyKeyInvalid.RaiseFor("idempotencyKey", ("max", MaxClientKey));
        }
        return $"client:{actor.UserId:N}:{key}";
    }

    public static NewIncident ToNewIncident(CreateIncidentRequest? request) =>
        new(request?.Title, request?.Exercise ?? false, request?.Municipality, request?.Grip ?? GripLevel.Min);

    public static int ToGripLevel(GripRequest? request) =>
        request?.Level ?? throw IncidentServiceRefusals.GripLevelMissing.RaiseFor("level");

    public static ParticipantDto ToDto(ParticipantInfo p) =>
        new(p.UserId, p.Name, p.Email, p.Role.ToWire(), p.AddedAt, p.Function);

    /// <summary>Whether the sitrep is asked for as printable HTML (else Markdown).</summary>
    public static bool SitrepAsHtml(string? format) => format?.ToLowerInvariant() switch
    {
        null or "" or "markdown" or "md" => false,
        "html" => true,
        _ => throw IncidentServiceRefusals.SitrepFormatUnknown.RaiseFor("format", ("format", Crisis.Domain.Texts.Shorten(format))),
    };
}
