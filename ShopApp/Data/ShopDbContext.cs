using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Catalog;

namespace ShopApp.Data;

/// <summary>The catalog, the accounts (ASP.NET Core Identity's tables) and the sign-in index, in one SQLite file.</summary>
public class ShopDbContext(DbContextOptions<ShopDbContext> options) : IdentityDbContext<ShopUser>(options)
{
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<ProductTranslation> ProductTranslations => Set<ProductTranslation>();

    public DbSet<CategoryTranslation> CategoryTranslations => Set<CategoryTranslation>();

    public DbSet<SignIn> SignIns => Set<SignIn>();

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
        });
    }
}
