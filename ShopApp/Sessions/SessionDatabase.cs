using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ShopApp.Sessions;

/// <summary>
/// The database a <see cref="SqlSessionCache"/> keeps its table in: a SQLite file of its own (so the session
/// writes of every page view never wait behind an order's transaction in shop.db) or the shared PostgreSQL.
/// </summary>
public sealed class SessionDatabase : IAsyncDisposable
{
    private readonly string? _sqlite;
    private readonly NpgsqlDataSource? _postgres;

    private SessionDatabase(string? sqlite, NpgsqlDataSource? postgres) => (_sqlite, _postgres) = (sqlite, postgres);

    public static SessionDatabase Sqlite(string connectionString) => new(connectionString, null);

    public static SessionDatabase Postgres(NpgsqlDataSource dataSource) => new(null, dataSource);

    public bool IsPostgres => _postgres is not null;

    // SQLite takes one writer at a time and answers a second with SQLITE_BUSY, which Microsoft.Data.Sqlite retries
    // after sleeping. This process's writes therefore take turns here, on one connection kept open for them (no
    // open, no pragma per write), and never meet that sleep.
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private SqliteConnection? _sqliteWriteConnection;

    /// <summary>
    /// Runs one write: with SQLite on the process's one write connection, one write at a time; with PostgreSQL on a
    /// pooled connection, with no waiting here (the database orders concurrent writes itself).
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            await using var connection = await OpenAsync(cancellationToken);
            return await write(connection);
        }
        await _sqliteWriter.WaitAsync(cancellationToken);
        try
        {
            if (_sqliteWriteConnection is null)
            {
                _sqliteWriteConnection = (SqliteConnection)await OpenAsync(cancellationToken);
            }
            try
            {
                return await write(_sqliteWriteConnection);
            }
            catch
            {
                // A connection in an unknown state is not reused.
                await _sqliteWriteConnection.DisposeAsync();
                _sqliteWriteConnection = null;
                throw;
            }
        }
        finally
        {
            _sqliteWriter.Release();
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        // Write-ahead log (set once on the file) lets pages read while a session is written; NORMAL syncs at
        // checkpoints rather than on every commit: a crash of the app loses nothing, a power cut the last moments.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public DbCommand Command(DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null && _postgres is not null)
            {
                parameter.DbType = System.Data.DbType.Int64;
            }
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteWriteConnection is not null)
        {
            await _sqliteWriteConnection.DisposeAsync();
            _sqliteWriteConnection = null;
        }
    }

    /// <summary>Creates the table when it is missing (both engines), and turns on SQLite's write-ahead log.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (blob, integer) = IsPostgres ? ("bytea", "bigint") : ("BLOB", "INTEGER");
        var sql = $"""
            CREATE TABLE IF NOT EXISTS "{SqlSessionCache.Table}" (
                "Id" TEXT NOT NULL PRIMARY KEY,
                "Value" {blob} NOT NULL,
                "ExpiresAt" {integer} NOT NULL,
                "SlidingMs" {integer} NULL,
                "AbsoluteExpiresAt" {integer} NULL
            );
            CREATE INDEX IF NOT EXISTS "IX_{SqlSessionCache.Table}_ExpiresAt" ON "{SqlSessionCache.Table}" ("ExpiresAt");
            """;
        if (!IsPostgres)
        {
            sql = "PRAGMA journal_mode = WAL;\n" + sql;
        }
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
