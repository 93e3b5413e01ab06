using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShopApp.Data;

/// <summary>
/// Where the SQLite file lives and how its schema comes to be. There is no `dotnet ef` tooling here, so the
/// schema is created from the model at start-up and evolves through the numbered steps in <see cref="Upgrades"/>
/// (see docs/ARCHITECTURE.md, "The database").
/// </summary>
public static class ShopDatabase
{
    public const string DefaultConnectionString = "Data Source=App_Data/shop.db";

    /// <summary>
    /// Schema changes after the first release, in order. A new database gets the whole current model from
    /// EnsureCreated and is stamped with the newest version; an older file runs the steps it has not seen yet.
    /// </summary>
    private static readonly (int Version, string Sql)[] Upgrades =
    [
        (2, UpgradeScript("0002_Accounts.sql")),
        (3, UpgradeScript("0003_CatalogTranslations.sql")),
        (4, UpgradeScript("0004_PreferredCulture.sql")),
        (5, UpgradeScript("0005_Orders.sql")),
    ];

    private static int CurrentVersion => Upgrades.Length == 0 ? 1 : Upgrades[^1].Version;

    /// <summary>An upgrade step's SQL, kept as a file in Data/Upgrades and embedded in the assembly.</summary>
    private static string UpgradeScript(string name)
    {
        using var stream = typeof(ShopDatabase).Assembly.GetManifestResourceStream($"ShopApp.Data.Upgrades.{name}")
            ?? throw new InvalidOperationException($"The upgrade script {name} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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

        if (!db.Database.IsSqlite())
        {
            await PreparePostgresAsync(db, cancellationToken);
            return;
        }

        if (await db.Database.EnsureCreatedAsync(cancellationToken))
        {
            await SetVersionAsync(db, CurrentVersion, cancellationToken);
        }
        else
        {
            var version = await GetVersionAsync(db, cancellationToken);
            foreach (var (step, sql) in Upgrades.Where(u => u.Version > version))
            {
                // A step and its version stamp commit together: a failed step leaves the file as it was.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync(sql, cancellationToken);
                await SetVersionAsync(db, step, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }

        await CatalogSeed.SeedAsync(db, cancellationToken);
        await CatalogSeed.SeedTranslationsAsync(db, cancellationToken);
    }

    /// <summary>
    /// PostgreSQL support starts at the current schema: a new database gets the whole model. Instances that start
    /// together take an advisory lock, so only one creates and seeds it. (A later schema change will need its own
    /// PostgreSQL step beside the SQLite one.)
    /// </summary>
    private static async Task PreparePostgresAsync(ShopDbContext db, CancellationToken cancellationToken)
    {
        const long PrepareLock = 0x5348_4F50_4150_5031; // "SHOPAPP1"
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({PrepareLock})", cancellationToken);
            try
            {
                await db.Database.EnsureCreatedAsync(cancellationToken);
                await CatalogSeed.SeedAsync(db, cancellationToken);
                await CatalogSeed.SeedTranslationsAsync(db, cancellationToken);
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

    private static async Task<int> GetVersionAsync(ShopDbContext db, CancellationToken cancellationToken) =>
        Convert.ToInt32(await PragmaAsync(db, "PRAGMA user_version", cancellationToken));

    private static Task SetVersionAsync(ShopDbContext db, int version, CancellationToken cancellationToken) =>
        // PRAGMA takes no parameters; the value is our own constant, never input.
        PragmaAsync(db, $"PRAGMA user_version = {version}", cancellationToken);

    private static async Task<object?> PragmaAsync(ShopDbContext db, string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            // Inside an upgrade step the stamp belongs to the step's transaction.
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return await command.ExecuteScalarAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
