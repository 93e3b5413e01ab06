using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ShopApp.Data;

/// <summary>Which engine holds the catalog, accounts and orders (<c>Database:Provider</c>).</summary>
public enum DatabaseProvider
{
    /// <summary>A file under App_Data (<c>ConnectionStrings:Shop</c>): nothing to install, one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<c>ConnectionStrings:Postgres</c>) that several instances share.</summary>
    Postgres,
}

public static class DataSetup
{
    public static DatabaseProvider ProviderOf(IConfiguration configuration) =>
        configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite);

    public static IServiceCollection AddShopDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ProviderOf(configuration);

        // One pooled data source for everything that talks to PostgreSQL, created only when something asks for it.
        services.AddSingleton(serviceProvider => NpgsqlDataSource.Create(
            serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when PostgreSQL is chosen.")));

        if (provider == DatabaseProvider.Postgres)
        {
            return services.AddDbContextPool<ShopDbContext, PostgresShopDbContext>((serviceProvider, options) =>
                options.UseNpgsql(serviceProvider.GetRequiredService<NpgsqlDataSource>()));
        }

        // Resolved once, when first needed, so tests can point ConnectionStrings:Shop at a file of their own.
        services.AddSingleton(serviceProvider => new ShopConnection(ShopDatabase.ResolveConnectionString(
            serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString("Shop"),
            serviceProvider.GetRequiredService<IHostEnvironment>().ContentRootPath)));

        // Pooled: a page takes a ready context instead of building one (and its services) on every request.
        return services.AddDbContextPool<ShopDbContext, SqliteShopDbContext>((serviceProvider, options) =>
            options.UseSqlite(serviceProvider.GetRequiredService<ShopConnection>().ConnectionString));
    }
}

/// <summary>The SQLite connection string with its file path made absolute under the content root.</summary>
public sealed record ShopConnection(string ConnectionString);

/// <summary>
/// How <c>dotnet ef</c> makes a context when it adds a migration: no app is started, and nothing is connected to.
/// </summary>
public sealed class SqliteShopDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteShopDbContext>
{
    public SqliteShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteShopDbContext>().UseSqlite(ShopDatabase.DefaultConnectionString).Options);
}

/// <inheritdoc cref="SqliteShopDbContextFactory"/>
public sealed class PostgresShopDbContextFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgresShopDbContext>
{
    public PostgresShopDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresShopDbContext>().UseNpgsql("Host=localhost;Database=shopapp").Options);
}
