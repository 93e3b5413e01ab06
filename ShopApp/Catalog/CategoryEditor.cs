using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

public enum CategorySave
{
    Saved,
    NotFound,
    /// <summary>Another category already uses this address (<c>?category=</c>).</summary>
    SlugTaken,
}

/// <summary>
/// Creates and renames categories from /Admin/Products/Categories, in three languages, with an audit row per changed
/// name. A category's slug (its address) is chosen at creation and never changes: links to it keep working.
/// </summary>
public sealed partial class CategoryEditor(ShopDbContext db, CatalogChanges changes, TimeProvider time)
{
    public const int NameMaxLength = 80;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public Task<List<Category>> AllAsync(CancellationToken cancellationToken = default) =>
        db.Categories.AsNoTracking().Include(c => c.Translations).OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);

    public async Task<CategorySave> CreateAsync(string slug, IReadOnlyDictionary<string, string> names, string changedBy, CancellationToken cancellationToken = default)
    {
        if (await db.Categories.AnyAsync(c => c.Slug == slug, cancellationToken))
        {
            return CategorySave.SlugTaken;
        }
        var order = await db.Categories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var category = new Category { Slug = slug, Name = names["en"], SortOrder = order + 1 };
        category.Translations.AddRange(names.Where(n => n.Key != "en").Select(n => new CategoryTranslation { Culture = n.Key, Name = n.Value }));
        db.Categories.Add(category);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique slug: another manager created it a moment ago.
            db.ChangeTracker.Clear();
            return CategorySave.SlugTaken;
        }
        await AuditAsync(category.Id, changedBy, names.Select(n => ($"Name ({n.Key})", (string?)null, n.Value)), cancellationToken);
        return CategorySave.Saved;
    }

    public async Task<CategorySave> RenameAsync(int id, IReadOnlyDictionary<string, string> names, string changedBy, CancellationToken cancellationToken = default)
    {
        if (await db.Categories.Include(c => c.Translations).FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } category)
        {
            return CategorySave.NotFound;
        }
        var changed = new List<(string, string?, string)>();
        foreach (var (culture, name) in names)
        {
            var old = culture == "en" ? category.Name : category.Translations.FirstOrDefault(t => t.Culture == culture)?.Name;
            if (old == name)
            {
                continue;
            }
            changed.Add(($"Name ({culture})", old, name));
            if (culture == "en")
            {
                category.Name = name;
            }
            else if (category.Translations.FirstOrDefault(t => t.Culture == culture) is { } translation)
            {
                translation.Name = name;
            }
            else
            {
                category.Translations.Add(new CategoryTranslation { Culture = culture, Name = name });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(id, changedBy, changed, cancellationToken);
        return CategorySave.Saved;
    }

    private async Task AuditAsync(int categoryId, string changedBy, IEnumerable<(string Field, string? Old, string New)> fields, CancellationToken cancellationToken)
    {
        db.CatalogAudit.AddRange(fields.Select(f => new CatalogAuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime, ChangedBy = changedBy, CategoryId = categoryId, Field = f.Field, OldValue = f.Old, NewValue = f.New,
        }));
        await db.SaveChangesAsync(cancellationToken);
        // Category names show in every page's header and on product pages.
        changes.Changed();
    }
}
