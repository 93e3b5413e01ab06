using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ShopApp.Tuning;

/// <summary>
/// The SQLite file a <see cref="SqliteSessionCache"/> keeps its table in, and the queue its writes go through.
/// </summary>
public sealed class SessionDatabase(string connectionString) : IAsyncDisposable
{
    private readonly string _sqlite = connectionString;

    // SQLite takes one writer at a time and answers a second with SQLITE_BUSY, which Microsoft.Data.Sqlite retries
    // after sleeping. This process's writes therefore queue here and one loop runs them, on one connection kept
    // open for them (no open, no pragma per write), so they never meet that sleep. The loop commits whatever has
    // queued up meanwhile as one transaction ("group commit"): each commit appends every page it changed to the
    // write-ahead log, and one add-to-cart's row, key and expiry index are three or four pages, so committing 20
    // queued writes at once writes those pages once instead of 20 times. No write is answered before its commit.
    private readonly Channel<QueuedWrite> _sqliteWrites = Channel.CreateUnbounded<QueuedWrite>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _sqliteWriter;
    private readonly Lock _startWriter = new();
    private SqliteConnection? _sqliteWriteConnection;

    // The write loop's statements, prepared once on its connection: parsing an upsert cost as much as running it.
    // Only the loop touches them, one write at a time, and they go with the connection.
    private readonly Dictionary<string, SqliteCommand> _prepared = new(StringComparer.Ordinal);

    /// <summary>The most writes committed together.</summary>
    public const int MaxWritesPerCommit = 128;

    private long _sqliteCommits;

    /// <summary>How many SQLite transactions the queued writes took (for tests and the benchmark).</summary>
    public long SqliteCommits => Interlocked.Read(ref _sqliteCommits);

    /// <summary>
    /// Runs one write and then <paramref name="committed"/> (what the caller keeps in memory about it), in the order
    /// the writes were made: the write joins the queue and is answered once its transaction has committed.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, Task<T>> write, Action? committed = null, CancellationToken cancellationToken = default)
    {
        var queued = new QueuedWrite(async connection => await write(connection), committed);
        EnsureWriter();
        if (!_sqliteWrites.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SessionDatabase));
        }
        // Not cancelled while queued: the caller may hold the session's lock, and must not let go of it before its
        // write is in the table (a canceled caller's statement fails by itself when it runs).
        return (T)(await queued.Done.Task)!;
    }

    private void EnsureWriter()
    {
        if (_sqliteWriter is not null)
        {
            return;
        }
        lock (_startWriter)
        {
            _sqliteWriter ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<QueuedWrite>(MaxWritesPerCommit);
        while (await _sqliteWrites.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxWritesPerCommit && _sqliteWrites.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                await CommitTogetherAsync(batch);
            }
            catch (Exception)
            {
                // One write failed (or the commit did): the batch is rolled back and each write runs alone, so a
                // bad one fails by itself. A connection in an unknown state is not reused.
                await DropWriteConnectionAsync();
                foreach (var write in batch)
                {
                    await CommitAloneAsync(write);
                }
            }
            batch.Clear();
        }
    }

    private async Task CommitTogetherAsync(List<QueuedWrite> batch)
    {
        var connection = _sqliteWriteConnection ??= (SqliteConnection)await OpenAsync();
        if (batch.Count == 1)
        {
            await CommitAloneAsync(batch[0]);
            return;
        }
        var results = new object?[batch.Count];
        await ExecuteAsync(connection, "BEGIN", CancellationToken.None);
        try
        {
            for (var i = 0; i < batch.Count; i++)
            {
                results[i] = await batch[i].Write(connection);
            }
            await ExecuteAsync(connection, "COMMIT", CancellationToken.None);
        }
        catch
        {
            await TryRollbackAsync(connection);
            throw;
        }
        Interlocked.Increment(ref _sqliteCommits);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Succeed(results[i]);
        }
    }

    private async Task CommitAloneAsync(QueuedWrite write)
    {
        try
        {
            var connection = _sqliteWriteConnection ??= (SqliteConnection)await OpenAsync();
            var result = await write.Write(connection);
            Interlocked.Increment(ref _sqliteCommits);
            write.Succeed(result);
        }
        catch (Exception exception)
        {
            await DropWriteConnectionAsync();
            write.Done.TrySetException(exception);
        }
    }

    private async Task TryRollbackAsync(DbConnection connection)
    {
        try
        {
            await ExecuteAsync(connection, "ROLLBACK", CancellationToken.None);
        }
        catch (SqliteException)
        {
            // SQLite may have rolled back by itself (an I/O error does); the connection is dropped next anyway.
        }
    }

    private async Task DropWriteConnectionAsync()
    {
        foreach (var command in _prepared.Values)
        {
            await command.DisposeAsync();
        }
        _prepared.Clear();
        if (_sqliteWriteConnection is not null)
        {
            await _sqliteWriteConnection.DisposeAsync();
            _sqliteWriteConnection = null;
        }
    }

    /// <summary>One queued SQLite write: what to run, what to remember once it is committed, and its answer.</summary>
    private sealed class QueuedWrite(Func<DbConnection, Task<object?>> write, Action? committed)
    {
        public Func<DbConnection, Task<object?>> Write => write;

        public TaskCompletionSource<object?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Succeed(object? result)
        {
            try
            {
                committed?.Invoke();
                Done.TrySetResult(result);
            }
            catch (Exception exception)
            {
                Done.TrySetException(exception);
            }
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        // Write-ahead log (set once on the file) lets pages read while a session is written; NORMAL syncs at
        // checkpoints rather than on every commit: a crash of the app loses nothing, a power cut the last moments.
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>
    /// Runs one statement inside a <see cref="WriteAsync{T}"/> and returns the rows it changed. On SQLite's write
    /// connection the statement stays prepared for the next write of the same text. Parameter names carry their
    /// <c>@</c>, as in the SQL (Microsoft.Data.Sqlite otherwise tries each prefix in turn on every execution).
    /// </summary>
    public async Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!ReferenceEquals(connection, _sqliteWriteConnection))
        {
            await using var once = Command(connection, sql, parameters);
            return await once.ExecuteNonQueryAsync(cancellationToken);
        }
        if (!_prepared.TryGetValue(sql, out var command))
        {
            command = (SqliteCommand)Command(connection, sql, parameters);
            command.Prepare();
            _prepared[sql] = command;
        }
        else
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
            }
        }
        return await command.ExecuteNonQueryAsync(cancellationToken);
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
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        _sqliteWrites.Writer.TryComplete();
        if (_sqliteWriter is not null)
        {
            await _sqliteWriter;
        }
        await DropWriteConnectionAsync();
    }

    /// <summary>Creates the table when it is missing, and turns on SQLite's write-ahead log.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var (blob, integer) = ("BLOB", "INTEGER");
        var sql = $"""
            CREATE TABLE IF NOT EXISTS "{SqliteSessionCache.Table}" (
                "Id" TEXT NOT NULL PRIMARY KEY,
                "Value" {blob} NOT NULL,
                "ExpiresAt" {integer} NOT NULL,
                "SlidingMs" {integer} NULL,
                "AbsoluteExpiresAt" {integer} NULL
            );
            CREATE INDEX IF NOT EXISTS "IX_{SqliteSessionCache.Table}_ExpiresAt" ON "{SqliteSessionCache.Table}" ("ExpiresAt");
            """;
        sql = "PRAGMA journal_mode = WAL;\n" + sql;
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
