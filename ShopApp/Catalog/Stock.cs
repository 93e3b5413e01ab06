using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>
/// How many of a product the shop holds right now, read from the database every time (never from
/// <see cref="CatalogCache"/>): adding to the cart checks against it. It is the most frequent query of the shop's
/// most frequent write, so it costs as little as a query can: with SQLite, one prepared statement on a connection
/// kept open (opening a pooled connection through EF Core cost more than the query: docs/PERFORMANCE.md); with
/// PostgreSQL, one compiled EF Core query on the pooled connection.
/// </summary>
public sealed class Stock : IDisposable
{
    private const int MaxIdleReaders = 8;

    private static readonly Func<ShopDbContext, int, CancellationToken, Task<int?>> Compiled =
        EF.CompileAsyncQuery((ShopDbContext db, int productId, CancellationToken _) =>
            db.Products.Where(p => p.Id == productId).Select(p => (int?)p.Stock).FirstOrDefault());

    // A queue, not a ConcurrentBag: counting a bag takes all its locks, and this is counted on every read.
    private readonly ConcurrentQueue<SqliteReader> _idle = new();
    private int _idleCount;

    // One provider per process; asking EF Core each time reads the provider's assembly name by reflection.
    private bool? _isSqlite;

    /// <summary>The stock now, or null when there is no such product.</summary>
    public async Task<int?> OfAsync(ShopDbContext db, int productId, CancellationToken cancellationToken = default)
    {
        if (!(_isSqlite ??= db.Database.IsSqlite()))
        {
            return await Compiled(db, productId, cancellationToken);
        }
        SqliteReader reader;
        if (_idle.TryDequeue(out var idle))
        {
            Interlocked.Decrement(ref _idleCount);
            reader = idle;
        }
        else
        {
            reader = new SqliteReader(db.Database.GetConnectionString()!);
        }
        int? stock;
        try
        {
            stock = reader.Read(productId);
        }
        catch
        {
            // A connection in an unknown state is not reused.
            reader.Dispose();
            throw;
        }
        if (Interlocked.Increment(ref _idleCount) <= MaxIdleReaders)
        {
            _idle.Enqueue(reader);
        }
        else
        {
            Interlocked.Decrement(ref _idleCount);
            reader.Dispose();
        }
        return stock;
    }

    public void Dispose()
    {
        while (_idle.TryDequeue(out var reader))
        {
            reader.Dispose();
        }
    }

    /// <summary>One open connection with the statement prepared. Used by one request at a time.</summary>
    private sealed class SqliteReader : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly SqliteCommand _command;
        private readonly SqliteParameter _id;

        public SqliteReader(string connectionString)
        {
            _connection = new SqliteConnection(connectionString);
            _connection.Open();
            _command = _connection.CreateCommand();
            _command.CommandText = """SELECT "Stock" FROM "Products" WHERE "Id" = $id""";
            _id = _command.Parameters.Add("$id", SqliteType.Integer);
            _command.Prepare();
        }

        public int? Read(int productId)
        {
            _id.Value = productId;
            return _command.ExecuteScalar() is long stock ? (int)stock : null;
        }

        public void Dispose()
        {
            _command.Dispose();
            _connection.Dispose();
        }
    }
}
