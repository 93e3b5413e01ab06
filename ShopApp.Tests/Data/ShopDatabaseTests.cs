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
    public async Task A_version_1_database_is_upgraded_with_accounts_translations_and_orders_and_keeps_its_catalog()
    {
        await using var factory = new ShopFactory();
        await using (var v1 = new SqliteConnection($"Data Source={factory.DatabasePath}"))
        {
            await v1.OpenAsync();
            await using var command = v1.CreateCommand();
            // The schema as the first release created it, with one changed stock level to show nothing is lost.
            command.CommandText = """
                CREATE TABLE "Categories" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY AUTOINCREMENT, "Slug" TEXT NOT NULL, "Name" TEXT NOT NULL, "SortOrder" INTEGER NOT NULL);
                CREATE TABLE "Products" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Products" PRIMARY KEY AUTOINCREMENT, "Name" TEXT NOT NULL, "Description" TEXT NOT NULL, "Price" TEXT NOT NULL, "Stock" INTEGER NOT NULL, "ImagePath" TEXT NOT NULL, "CategoryId" INTEGER NOT NULL,
                    CONSTRAINT "CK_Products_Stock_NotNegative" CHECK ("Stock" >= 0), CONSTRAINT "FK_Products_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE CASCADE);
                CREATE UNIQUE INDEX "IX_Categories_Slug" ON "Categories" ("Slug");
                CREATE INDEX "IX_Products_CategoryId" ON "Products" ("CategoryId");
                INSERT INTO "Categories" VALUES (1, 'kitchen', 'Kitchen', 1);
                INSERT INTO "Products" VALUES (1, 'Old mug', 'A mug from the first release of the shop.', '12.50', 5, '/images/products/mug.svg', 1);
                PRAGMA user_version = 1;
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();

        using var client = factory.CreateShopClient();
        var signIn = await client.SignInAsync(ShopApp.Account.AccountSeed.Customer);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        Assert.Equal("Old mug", (await db.Products.SingleAsync(p => p.Id == 1)).Name);
        Assert.Equal(1, await db.SignIns.CountAsync());
        Assert.Equal(["de", "fr"], await db.ProductTranslations.Where(t => t.ProductId == 1).Select(t => t.Culture).OrderBy(c => c).ToListAsync());
        Assert.Null((await db.Users.SingleAsync(u => u.Email == ShopApp.Account.AccountSeed.Customer.Email)).PreferredCulture);
        Assert.Equal(0, await db.Orders.CountAsync());
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
