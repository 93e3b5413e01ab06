using Microsoft.EntityFrameworkCore;

namespace ShopApp.Data;

public static class DataSetup
{
    public static IServiceCollection AddShopDatabase(this IServiceCollection services)
    {
        // Resolved once, when first needed, so tests can point ConnectionStrings:Shop at a file of their own.
        services.AddSingleton(provider => new ShopConnection(ShopDatabase.ResolveConnectionString(
            provider.GetRequiredService<IConfiguration>().GetConnectionString("Shop"),
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath)));

        // Pooled: a page takes a ready context instead of building one (and its services) on every request.
        return services.AddDbContextPool<ShopDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<ShopConnection>().ConnectionString));
    }
}

/// <summary>The SQLite connection string with its file path made absolute under the content root.</summary>
public sealed record ShopConnection(string ConnectionString);
