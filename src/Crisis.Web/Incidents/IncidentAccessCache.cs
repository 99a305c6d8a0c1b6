using System.Collections.Concurrent;
using Crisis.Web.Security;
using NodaTime;

namespace Crisis.Web.Incidents;

/// <summary>
/// What the append path needs to decide access without a database round trip: whether an incident exists and is an
/// exercise (neither changes once it is opened), and which users were found to take part in it in the last
/// <see cref="CredentialCheck.CacheFor"/>. Only "takes part" is kept: a user added as a participant is let in at once (the
/// "no" is never cached), and a user whose participation or credential changes is forgotten at once on the node that made
/// the change and wherever the <c>credentials-revoked</c> event arrives (<see cref="CredentialCheck.Forget"/>), and on every
/// node within <see cref="CredentialCheck.CacheFor"/> at the latest. The role is never cached here: it is the caller's
/// (<see cref="Identity.Actor"/>), which its credential check keeps current.
/// </summary>
public sealed class IncidentAccessCache(IClock clock)
{
    /// <summary>At most this many answers of each kind are kept; beyond it the cache starts again.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<Guid, bool> _exercise = new();
    private readonly ConcurrentDictionary<(Guid IncidentId, Guid UserId), Instant> _participants = new();

    // Bumped by every Forget: an answer read from the database before a forget is not kept after it.
    private long _generation;

    /// <summary>A number to pass to <see cref="KeepParticipant"/>: taken before the database is read.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Whether the incident is an exercise, when this node has seen it; null when it must be read.</summary>
    public bool? ExerciseOf(Guid incidentId) => _exercise.TryGetValue(incidentId, out var exercise) ? exercise : null;

    /// <summary>Whether the user was found to take part in the incident a moment ago (false: ask the database).</summary>
    public bool IsKnownParticipant(Guid incidentId, Guid userId)
    {
        if (_participants.TryGetValue((incidentId, userId), out var until))
        {
            if (until > clock.GetCurrentInstant())
            {
                return true;
            }
            _participants.TryRemove(KeyValuePair.Create((incidentId, userId), until));
        }
        return false;
    }

    public void KeepIncident(Guid incidentId, bool exercise)
    {
        if (_exercise.Count >= MaxEntries)
        {
            _exercise.Clear();
        }
        _exercise[incidentId] = exercise;
    }

    /// <summary>Keeps "takes part", unless a user was forgotten since <paramref name="generation"/>.</summary>
    public void KeepParticipant(Guid incidentId, Guid userId, long generation)
    {
        if (_participants.Count >= MaxEntries)
        {
            _participants.Clear();
        }
        _participants[(incidentId, userId)] = clock.GetCurrentInstant() + CredentialCheck.CacheFor;
        if (Generation != generation)
        {
            _participants.TryRemove((incidentId, userId), out _);
        }
    }

    /// <summary>Drops every participation of the user that this node knows: the next access check reads the database.</summary>
    public void Forget(Guid userId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var key in _participants.Keys)
        {
            if (key.UserId == userId)
            {
                _participants.TryRemove(key, out _);
            }
        }
    }
}
