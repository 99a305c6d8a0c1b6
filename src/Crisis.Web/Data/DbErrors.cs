using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crisis.Web.Data;

/// <summary>
/// What a database error means, told by the provider's error code, never by its message text (which changes with the
/// server's language and version, and which Npgsql wraps in other exceptions). The one place Crisis asks this.
/// </summary>
public static class DbErrors
{
    // PostgreSQL SQLSTATEs.
    private const string SerializationFailure = "40001";
    private const string DeadlockDetected = "40P01";
    private const string UniqueViolation = "23505";

    // SQLite result codes (primary, and the extended codes of a constraint).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// Whether a write lost a race with another writer and may simply be tried again on the new state: an optimistic
    /// concurrency conflict, a unique key taken meanwhile, a deadlock or serialization failure (PostgreSQL), a busy or
    /// locked database (SQLite). Looks through every inner exception.
    /// </summary>
    public static bool IsRace(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException
                || e is PostgresException { SqlState: SerializationFailure or DeadlockDetected }
                || e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked })
            {
                return true;
            }
        }
        return IsUniqueViolation(ex);
    }

    /// <summary>Whether a write broke a unique key (another writer stored the same thing first).</summary>
    public static bool IsUniqueViolation(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: UniqueViolation }
                || e is SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the database could not be reached or did not answer in time: a connection refused or dropped, a command
    /// timeout, a server shutting down or out of connections (PostgreSQL classes 08, 53, 57), a SQLite I/O error.
    /// Such a failure is Crisis's database being away, answered 503 rather than 500.
    /// </summary>
    public static bool IsUnavailable(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || p.SqlState.StartsWith("53", StringComparison.Ordinal)
                        || p.SqlState.StartsWith("57", StringComparison.Ordinal);
                case NpgsqlException:
                case TimeoutException:
                case Polly.CircuitBreaker.BrokenCircuitException: // refused without asking: the circuit is open (DatabaseCircuit)
                case SqliteException { SqliteErrorCode: SqliteIoError or SqliteCantOpen }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether a failure while committing leaves the outcome unknown: the server's answer was lost (the connection
    /// dropped, the command timed out, the server went down) so the transaction may have been committed. An error the
    /// server answered (a broken constraint, a deadlock) rolled it back: the outcome is known, nothing was stored.
    /// </summary>
    public static bool LeavesCommitUnknown(Exception ex) => IsUnavailable(ex) && !IsRefusedByCircuit(ex);

    /// <summary>Whether the operation never ran because the database circuit was open (so nothing was stored).</summary>
    public static bool IsRefusedByCircuit(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            if (e is Polly.CircuitBreaker.BrokenCircuitException)
            {
                return true;
            }
        }
        return false;
    }

    private static readonly Counter<long> Retries = Platform.CrisisTelemetry.Meter.CreateCounter<long>(
        "crisis.db.race_retries", unit: "{retry}", description: "Writes tried again after losing an ordinary race with another writer.");

    /// <summary>Counts an ordinary retry (logged at debug level by its caller): <paramref name="writer"/> names who retried.</summary>
    public static void CountRetry(string writer) => Retries.Add(1, new KeyValuePair<string, object?>("writer", writer));
}
