using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;

namespace ShopApp.Data;

public class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();

    public DbSet<Product> Products => Set<Product>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
