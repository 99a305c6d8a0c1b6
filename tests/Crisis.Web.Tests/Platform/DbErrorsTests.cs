using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Crisis.Web.Tests.Platform;

/// <summary>Races are told by the providers' error codes, from errors the real databases raise.</summary>
public sealed class DbErrorsTests
{
    [Fact]
    public async Task Sqlite_UniqueAndBusyAreRaces_NotNullIsNot()
    {
        var file = Path.Combine(Path.GetTempPath(), $"crisis-dberrors-{Guid.NewGuid():N}.db");
        try
        {
            await using var first = new SqliteConnection($"Data Source={file};Pooling=False");
            await first.OpenAsync();
            await ExecAsync(first, "CREATE TABLE t (id INTEGER PRIMARY KEY, u TEXT UNIQUE, n TEXT NOT NULL); INSERT INTO t VALUES (1, 'a', 'x');");

            DbErrors.IsRace(await FailAsync(first, "INSERT INTO t VALUES (2, 'a', 'y')")).ShouldBeTrue("a unique key taken");
            DbErrors.IsUniqueViolation(await FailAsync(first, "INSERT INTO t VALUES (1, 'b', 'y')")).ShouldBeTrue("a primary key taken");
            var notNull = await FailAsync(first, "INSERT INTO t VALUES (3, 'c', NULL)");
            DbErrors.IsRace(notNull).ShouldBeFalse("a NOT NULL violation is a bug, not a race");
            DbErrors.IsUniqueViolation(notNull).ShouldBeFalse();

            // A second writer while the first holds the write lock gets SQLITE_BUSY once its 1 s command timeout has passed (0 would wait for ever).
            await ExecAsync(first, "BEGIN IMMEDIATE; UPDATE t SET n = 'z' WHERE id = 1;");
            await using var second = new SqliteConnection($"Data Source={file};Pooling=False;Default Timeout=1");
            await second.OpenAsync();
            await ExecAsync(second, "PRAGMA busy_timeout = 0;");
            var busy = await FailAsync(second, "UPDATE t SET n = 'w' WHERE id = 1");
            DbErrors.IsRace(busy).ShouldBeTrue("a busy database");
            DbErrors.IsRace(new InvalidOperationException("wrapped", busy)).ShouldBeTrue("inner exceptions are looked through");
            await ExecAsync(first, "ROLLBACK;");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [PostgresFact]
    public async Task Postgres_DeadlockAndUniqueAreRaces_NotNullIsNot()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        await using var a = new NpgsqlConnection(database.ConnectionString);
        await using var b = new NpgsqlConnection(database.ConnectionString);
        await a.OpenAsync();
        await b.OpenAsync();
        await ExecAsync(a, "CREATE TABLE t (id int PRIMARY KEY, n text NOT NULL); INSERT INTO t VALUES (1, 'x'), (2, 'y');");

        DbErrors.IsRace(await FailAsync(a, "INSERT INTO t VALUES (1, 'z')")).ShouldBeTrue("a unique key taken");
        DbErrors.IsRace(await FailAsync(a, "INSERT INTO t VALUES (3, NULL)")).ShouldBeFalse("a NOT NULL violation is a bug, not a race");

        // Two transactions that lock the rows in opposite order: the server breaks the deadlock by failing one.
        await ExecAsync(a, "BEGIN; UPDATE t SET n = 'a' WHERE id = 1;");
        await ExecAsync(b, "BEGIN; UPDATE t SET n = 'b' WHERE id = 2;");
        var aWaits = ExecAsync(a, "UPDATE t SET n = 'a' WHERE id = 2;");
        var bWaits = ExecAsync(b, "UPDATE t SET n = 'b' WHERE id = 1;");
        var failure = await Record.ExceptionAsync(() => Task.WhenAll(aWaits, bWaits));
        var deadlock = new[] { aWaits, bWaits }.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).Single();
        failure.ShouldNotBeNull();
        deadlock.ShouldBeOfType<PostgresException>().SqlState.ShouldBe("40P01");
        DbErrors.IsRace(deadlock).ShouldBeTrue("a deadlock");
        DbErrors.IsRace(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", deadlock))
            .ShouldBeTrue("Npgsql's wrapping is looked through");
    }

    private static async Task ExecAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<Exception> FailAsync(System.Data.Common.DbConnection connection, string sql) =>
        await Record.ExceptionAsync(() => ExecAsync(connection, sql)) ?? throw new InvalidOperationException($"'{sql}' did not fail.");
}
