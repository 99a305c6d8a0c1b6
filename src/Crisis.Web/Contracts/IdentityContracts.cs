using Crisis.Web.Messaging;
using NodaTime;

namespace Crisis.Web.Contracts;

/// <summary>
/// A credential of <paramref name="UserId"/> stopped standing: one token (<paramref name="TokenId"/>) or all of them was
/// revoked, or the user logged out, was locked, deleted or given another role (<paramref name="Reason"/>). Every node
/// closes the hub connections and ends the circuits that credential carried.
/// </summary>
[CrisisEvent("credentials-revoked")]
public sealed record CredentialsRevoked(Guid UserId, Guid? TokenId, string Reason, Instant At);
