using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShopApp.Data;

/// <summary>
/// Where the SQLite file lives and how its schema comes to be: EF Core migrations (Data/Migrations/Sqlite and
/// Data/Migrations/Postgres), applied at start-up. The README says how to add one.
/// </summary>
public static class ShopDatabase
{
    public const string DefaultConnectionString = "Data Source=App_Data/shop.db";

    /// <summary>
    /// The schema version (SQLite's <c>user_version</c>) of a file made before migrations, by EnsureCreated and the
    /// numbered upgrade steps. Its tables are exactly those of the first migration.
    /// </summary>
    public const int LastVersionBeforeMigrations = 5;

    /// <summary>Resolves a relative SQLite path against the content root (not the process's working folder).</summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? DefaultConnectionString);
        var path = builder.DataSource;
        var inMemory = path == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory && !string.IsNullOrEmpty(path))
        {
            path = Path.GetFullPath(path, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        if (db.Database.IsSqlite())
        {
            await AdoptAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await SeedAsync(db, cancellationToken);
            return;
        }

        // Instances that start together take an advisory lock, so only one adopts, migrates and seeds.
        const long PrepareLock = 0x5348_4F50_4150_5031; // "SHOPAPP1"
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PrepareLock})", cancellationToken);
            try
            {
                await AdoptAsync(db, cancellationToken);
                await db.Database.MigrateAsync(cancellationToken);
                await SeedAsync(db, cancellationToken);
                // The seed gives categories and products fixed ids; the identity sequences continue after them.
                foreach (var table in new[] { "Categories", "Products" })
                {
                    // The table names are our own constants, never input.
                    var sql = $"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))";
                    await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
                }
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({PrepareLock})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task SeedAsync(ShopDbContext db, CancellationToken cancellationToken)
    {
        await CatalogSeed.SeedAsync(db, cancellationToken);
        await CatalogSeed.SeedTranslationsAsync(db, cancellationToken);
    }

    /// <summary>
    /// A database made before migrations has the first migration's tables but no migrations history, so
    /// <c>Migrate</c> would try to create them again. It is recorded as having the first migration, and the
    /// migrations after it then run as usual. Its data stays where it is.
    /// </summary>
    private static async Task AdoptAsync(ShopDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken) || !await HasTableAsync(db, "Products", cancellationToken))
        {
            return;
        }
        if (db.Database.IsSqlite() && await SqliteVersionAsync(db, cancellationToken) is var version && version != LastVersionBeforeMigrations)
        {
            throw new InvalidOperationException(
                $"The database {db.Database.GetDbConnection().DataSource} has schema version {version}, older than the last version " +
                $"before migrations ({LastVersionBeforeMigrations}). Upgrade it with a ShopApp from before migrations, or delete it to start afresh.");
        }
        var first = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).First();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<bool> HasTableAsync(ShopDbContext db, string table, CancellationToken cancellationToken)
    {
        // Our own constant, never input.
        var sql = db.Database.IsSqlite()
            ? $"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{table}'"
            : $"SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken) > 0;
    }

    private static async Task<int> SqliteVersionAsync(ShopDbContext db, CancellationToken cancellationToken) =>
        await db.Database.SqlQueryRaw<int>("SELECT user_version AS \"Value\" FROM pragma_user_version").SingleAsync(cancellationToken);
}
