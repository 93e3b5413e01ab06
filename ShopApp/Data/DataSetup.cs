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

        // One pooled data source for everything that talks to PostgreSQL (EF Core, sessions, locks, keys), created
        // only when something asks for it.
        services.AddSingleton(serviceProvider => NpgsqlDataSource.Create(
            serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString("Postgres")
            ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when PostgreSQL is chosen.")));

        if (provider == DatabaseProvider.Postgres)
        {
            return services.AddDbContextPool<ShopDbContext>((serviceProvider, options) =>
                options.UseNpgsql(serviceProvider.GetRequiredService<NpgsqlDataSource>()));
        }

        // Resolved once, when first needed, so tests can point ConnectionStrings:Shop at a file of their own.
        services.AddSingleton(serviceProvider => new ShopConnection(ShopDatabase.ResolveConnectionString(
            serviceProvider.GetRequiredService<IConfiguration>().GetConnectionString("Shop"),
            serviceProvider.GetRequiredService<IHostEnvironment>().ContentRootPath)));

        // Pooled: a page takes a ready context instead of building one (and its services) on every request.
        return services.AddDbContextPool<ShopDbContext>((serviceProvider, options) =>
            options.UseSqlite(serviceProvider.GetRequiredService<ShopConnection>().ConnectionString));
    }
}

/// <summary>The SQLite connection string with its file path made absolute under the content root.</summary>
public sealed record ShopConnection(string ConnectionString);
