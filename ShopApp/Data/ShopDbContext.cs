using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Catalog;
using ShopApp.Checkout;
using ShopApp.Orders;

namespace ShopApp.Data;

/// <summary>
/// The catalog, the accounts (ASP.NET Core Identity's tables), the sign-in index and the orders. Pages ask for this
/// type; the app registers one of the two subclasses below, one per database engine, because each engine has its own
/// set of EF Core migrations (Data/Migrations/Sqlite and Data/Migrations/Postgres).
/// </summary>
public abstract class ShopDbContext(DbContextOptions options) : IdentityDbContext<ShopUser>(options)
{
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductTranslation> ProductTranslations => Set<ProductTranslation>();

    public DbSet<CategoryTranslation> CategoryTranslations => Set<CategoryTranslation>();

    public DbSet<CatalogAuditEntry> CatalogAudit => Set<CatalogAuditEntry>();

    public DbSet<SignIn> SignIns => Set<SignIn>();

    public DbSet<Analytics.AnalyticsEvent> AnalyticsEvents => Set<Analytics.AnalyticsEvent>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<ShopUser>().Property(u => u.DisplayName).HasMaxLength(ShopUser.DisplayNameMaxLength);
        modelBuilder.Entity<ShopUser>().Property(u => u.PreferredCulture).HasMaxLength(8);

        modelBuilder.Entity<ProductTranslation>(translation =>
        {
            translation.HasKey(t => new { t.ProductId, t.Culture });
            translation.Property(t => t.Culture).HasMaxLength(8);
            translation.Property(t => t.Name).HasMaxLength(120);
            translation.Property(t => t.Description).HasMaxLength(2000);
            translation.HasOne<Product>().WithMany(p => p.Translations).HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CategoryTranslation>(translation =>
        {
            translation.HasKey(t => new { t.CategoryId, t.Culture });
            translation.Property(t => t.Culture).HasMaxLength(8);
            translation.Property(t => t.Name).HasMaxLength(80);
            translation.HasOne<Category>().WithMany(c => c.Translations).HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SignIn>(signIn =>
        {
            signIn.Property(s => s.Id).HasMaxLength(64);
            signIn.Property(s => s.UserAgent).HasMaxLength(SignIn.UserAgentMaxLength);
            signIn.Property(s => s.IpAddress).HasMaxLength(64);
            signIn.HasIndex(s => s.UserId);
            signIn.HasOne<ShopUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Category>(category =>
        {
            category.Property(c => c.Slug).HasMaxLength(40);
            category.HasIndex(c => c.Slug).IsUnique();
            category.Property(c => c.Name).HasMaxLength(80);
        });

        modelBuilder.Entity<Product>(product =>
        {
            product.Property(p => p.Name).HasMaxLength(120);
            product.Property(p => p.Description).HasMaxLength(2000);
            product.Property(p => p.ImagePath).HasMaxLength(200);
            // SQLite has no decimal type: EF Core stores the exact decimal as TEXT, so euros never become binary floats.
            product.Property(p => p.Price).HasPrecision(10, 2);
            product.ToTable(t => t.HasCheckConstraint("CK_Products_Stock_NotNegative", "\"Stock\" >= 0"));
            product.Property(p => p.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<CatalogAuditEntry>(entry =>
        {
            entry.ToTable("CatalogAudit");
            entry.Property(e => e.ChangedBy).HasMaxLength(256);
            entry.Property(e => e.Field).HasMaxLength(40);
            entry.Property(e => e.OldValue).HasMaxLength(2000);
            entry.Property(e => e.NewValue).HasMaxLength(2000);
            entry.HasIndex(e => new { e.ProductId, e.AtUtc });
            entry.HasIndex(e => new { e.CategoryId, e.AtUtc });
        });

        modelBuilder.Entity<Order>(order =>
        {
            order.Property(o => o.Number).HasMaxLength(16);
            order.HasIndex(o => o.Number).IsUnique();
            order.Property(o => o.CheckoutToken).HasMaxLength(64);
            // The guard against a second order from one checkout, whatever the requests do.
            order.HasIndex(o => o.CheckoutToken).IsUnique();
            order.HasIndex(o => new { o.UserId, o.PlacedAtUtc });
            order.HasIndex(o => o.Status);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Delivery).HasConversion<string>().HasMaxLength(16);
            order.Property(o => o.Culture).HasMaxLength(8);
            order.Property(o => o.CardBrand).HasMaxLength(32);
            order.Property(o => o.CardLast4).HasMaxLength(4);
            foreach (var money in new[] { nameof(Order.Subtotal), nameof(Order.DeliveryPrice), nameof(Order.Vat), nameof(Order.Total) })
            {
                order.Property(money).HasPrecision(12, 2);
            }
            order.Property(o => o.VatRate).HasPrecision(5, 2);
            order.ComplexProperty(o => o.Shipping, shipping =>
            {
                shipping.Property(a => a.FullName).HasMaxLength(CheckoutLimits.NameMaxLength);
                shipping.Property(a => a.AddressLine1).HasMaxLength(CheckoutLimits.AddressLineMaxLength);
                shipping.Property(a => a.AddressLine2).HasMaxLength(CheckoutLimits.AddressLineMaxLength);
                shipping.Property(a => a.City).HasMaxLength(CheckoutLimits.CityMaxLength);
                shipping.Property(a => a.PostalCode).HasMaxLength(16);
                shipping.Property(a => a.CountryCode).HasMaxLength(2);
                shipping.Property(a => a.Phone).HasMaxLength(CheckoutLimits.PhoneMaxLength);
            });
            // Orders outlive the account: an erased account's orders stay for the shop's books, with no owner.
            order.HasOne<ShopUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.SetNull);
            order.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Analytics.AnalyticsEvent>(analytics =>
        {
            analytics.Property(e => e.VisitId).HasMaxLength(32);
            analytics.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
            analytics.Property(e => e.Path).HasMaxLength(200);
            analytics.Property(e => e.Step).HasMaxLength(16);
            analytics.Property(e => e.Culture).HasMaxLength(8);
            analytics.HasIndex(e => e.AtUtc);
            analytics.HasIndex(e => e.VisitId);
        });

        modelBuilder.Entity<OrderLine>(line =>
        {
            line.Property(l => l.Name).HasMaxLength(120);
            line.Property(l => l.UnitPrice).HasPrecision(10, 2);
            line.Ignore(l => l.LineTotal);
        });
    }
}

/// <summary>The shop in a SQLite file (<c>Database:Provider</c> = Sqlite, the default).</summary>
public sealed class SqliteShopDbContext(DbContextOptions<SqliteShopDbContext> options) : ShopDbContext(options);

/// <summary>The shop in PostgreSQL (<c>Database:Provider</c> = Postgres), shared by several instances.</summary>
public sealed class PostgresShopDbContext(DbContextOptions<PostgresShopDbContext> options) : ShopDbContext(options);
