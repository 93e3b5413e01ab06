using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Data;

namespace ShopApp.Tests.Data;

public sealed class ShopDatabaseTests
{
    [Fact]
    public async Task The_catalog_is_seeded_with_24_products_in_4_categories_each_with_its_own_image()
    {
        await using var factory = new ShopFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();

        var products = await db.Products.AsNoTracking().ToListAsync();

        Assert.Equal(24, products.Count);
        Assert.Equal(4, await db.Categories.CountAsync());
        Assert.All(products.GroupBy(p => p.CategoryId), group => Assert.True(group.Count() >= 6));
        Assert.Equal(24, products.Select(p => p.ImagePath).Distinct().Count());
        var root = RepositoryRoot.Path;
        Assert.All(products, p => Assert.True(File.Exists(Path.Combine(root, "wwwroot", p.ImagePath.TrimStart('/'))), p.ImagePath));
        Assert.All(products, p => Assert.True(p.Price > 0 && p.Stock >= 0 && p.Description.Length > 20));
    }

    [Fact]
    public async Task Preparing_an_existing_database_again_keeps_its_data_and_does_not_seed_twice()
    {
        await using var factory = new ShopFactory();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            var mug = await db.Products.SingleAsync(p => p.Id == 1);
            mug.Stock = 7;
            await db.SaveChangesAsync();
        }

        await ShopDatabase.PrepareAsync(factory.Services);

        using var check = factory.Services.CreateScope();
        var again = check.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.Equal(24, await again.Products.CountAsync());
        Assert.Equal(7, (await again.Products.SingleAsync(p => p.Id == 1)).Stock);
    }

    [Fact]
    public async Task A_shop_db_made_before_migrations_is_upgraded_in_place_with_its_orders_and_accounts()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"shopapp-test-{Guid.NewGuid():N}")).FullName;
        // Made by the last release without migrations (EnsureCreated + numbered SQL steps, schema version 5): the demo
        // accounts, and one order by the demo customer that took 2 coffee grinders from stock.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "shop-v5.db"), Path.Combine(folder, "shop.db"));
        await using var factory = new ShopFactory(dataFolder: folder);
        using var client = factory.CreateShopClient();

        await client.SignInAsync("customer@shopapp.test", "Customer#2026");
        var orders = await client.GetPageAsync("/Orders");

        Assert.Equal(["SA-FIXT-0001"], orders.QuerySelectorAll("[data-testid=order]").Select(o => o.GetAttribute("data-number")));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        // Adopted as the first migration, then brought up to date by every later one.
        Assert.Equal("20261201150337_InitialCreate", (await db.Database.GetAppliedMigrationsAsync()).First());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1, (await db.Products.SingleAsync(p => p.Id == 3)).Stock);
        Assert.Equal(24, await db.Products.CountAsync());
        // Every product it had stays in the catalog.
        Assert.All(await db.Products.ToListAsync(), product => Assert.True(product.Visible));
    }

    [Fact]
    public async Task A_new_database_gets_every_migration()
    {
        await using var factory = new ShopFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task A_file_older_than_the_last_version_before_migrations_is_refused_and_left_as_it_was()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"shopapp-test-{Guid.NewGuid():N}")).FullName;
        var path = Path.Combine(folder, "shop.db");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "shop-v5.db"), path);
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version = 4";
            await command.ExecuteNonQueryAsync();
        }
        await using var factory = new ShopFactory(dataFolder: folder);

        var refused = Assert.Throws<InvalidOperationException>(() => factory.CreateShopClient());

        Assert.Contains("schema version 4", refused.Message);
        await using var check = new SqliteConnection($"Data Source={path};Pooling=false");
        await check.OpenAsync();
        await using var orders = check.CreateCommand();
        orders.CommandText = "SELECT COUNT(*) FROM Orders";
        Assert.Equal(1L, await orders.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Stock_can_never_go_below_zero_in_the_database()
    {
        await using var factory = new ShopFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();

        await Assert.ThrowsAsync<DbUpdateException>(async () =>
        {
            var grinder = await db.Products.SingleAsync(p => p.Id == 3);
            grinder.Stock = -1;
            await db.SaveChangesAsync();
        });
    }

    [Fact]
    public void A_relative_database_path_is_resolved_under_the_content_root_and_its_folder_created()
    {
        var root = Path.Combine(Path.GetTempPath(), $"shopapp-root-{Guid.NewGuid():N}");
        try
        {
            var connection = ShopDatabase.ResolveConnectionString("Data Source=App_Data/shop.db", root);

            Assert.Equal($"Data Source={Path.Combine(root, "App_Data", "shop.db")}", connection);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void An_in_memory_database_is_left_alone()
    {
        Assert.Equal("Data Source=:memory:", ShopDatabase.ResolveConnectionString("Data Source=:memory:", "/nowhere"));
    }
}
