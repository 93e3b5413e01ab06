using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShopApp.Data;

namespace ShopApp.Catalog;

/// <summary>A product as /Admin/Products edits it: every language's texts, and the version the form was opened with.</summary>
public sealed record ProductDraft(
    int? Id,
    int Version,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Descriptions,
    int CategoryId,
    decimal Price,
    int Stock,
    bool Visible,
    string ImagePath);

public enum SaveOutcome
{
    Saved,
    NotFound,
    /// <summary>Someone saved the product after this form was opened: nothing was written.</summary>
    ChangedBySomeoneElse,
}

/// <summary>What a save did; on a conflict, the product as the other manager left it.</summary>
public sealed record ProductSave(SaveOutcome Outcome, int? Id = null, ProductDraft? Current = null);

/// <summary>
/// Saves products from /Admin/Products: the concurrency check (<see cref="Product.Version"/>), one audit row per
/// changed field, and the news for every cache that shows the catalog (<see cref="CatalogChanges"/>), all at once.
/// </summary>
public sealed class CatalogEditor(ShopDbContext db, CatalogChanges changes, TimeProvider time)
{
    public async Task<ProductDraft?> LoadAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Products.AsNoTracking().Include(p => p.Translations).FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } product
            ? DraftOf(product)
            : null;

    public async Task<ProductSave> SaveAsync(ProductDraft draft, string changedBy, CancellationToken cancellationToken = default)
    {
        var product = draft.Id is int id
            ? await db.Products.Include(p => p.Translations).FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
            : new Product { Name = "", Description = "", ImagePath = "" };
        if (product is null)
        {
            return new(SaveOutcome.NotFound);
        }
        if (draft.Id is not null && product.Version != draft.Version)
        {
            return new(SaveOutcome.ChangedBySomeoneElse, product.Id, DraftOf(product));
        }

        var before = draft.Id is null ? null : DraftOf(product);
        Apply(product, draft);
        if (draft.Id is null)
        {
            db.Products.Add(product);
        }
        else
        {
            // The UPDATE checks the version this form was opened with: a save that slipped in between is not overwritten.
            db.Entry(product).Property(p => p.Version).OriginalValue = draft.Version;
            product.Version = draft.Version + 1;
        }
        // The product and its audit rows are written together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new(SaveOutcome.ChangedBySomeoneElse, product.Id, await LoadAsync(product.Id, cancellationToken));
        }

        db.CatalogAudit.AddRange(Differences(before, DraftOf(product)).Select(d => new CatalogAuditEntry
        {
            AtUtc = time.GetUtcNow().UtcDateTime, ChangedBy = changedBy, ProductId = product.Id, Field = d.Field, OldValue = d.Old, NewValue = d.New,
        }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        changes.Changed();
        return new(SaveOutcome.Saved, product.Id);
    }

    public Task<List<CatalogAuditEntry>> HistoryAsync(int productId, CancellationToken cancellationToken = default) =>
        db.CatalogAudit.AsNoTracking().Where(e => e.ProductId == productId)
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(200).ToListAsync(cancellationToken);

    private static void Apply(Product product, ProductDraft draft)
    {
        product.Name = draft.Names["en"];
        product.Description = draft.Descriptions["en"];
        product.CategoryId = draft.CategoryId;
        product.Price = draft.Price;
        product.Stock = draft.Stock;
        product.Visible = draft.Visible;
        product.ImagePath = draft.ImagePath;
        foreach (var culture in Translated)
        {
            var translation = product.Translations.FirstOrDefault(t => t.Culture == culture);
            if (translation is null)
            {
                product.Translations.Add(new ProductTranslation { Culture = culture, Name = draft.Names[culture], Description = draft.Descriptions[culture] });
            }
            else
            {
                translation.Name = draft.Names[culture];
                translation.Description = draft.Descriptions[culture];
            }
        }
    }

    /// <summary>The languages besides English, which lives on the product itself.</summary>
    private static readonly string[] Translated = ["fr", "de"];

    public static readonly string[] Cultures = ["en", .. Translated];

    private static ProductDraft DraftOf(Product product)
    {
        string Text(string culture, Func<ProductTranslation, string> pick, string english) =>
            culture == "en" ? english : product.Translations.FirstOrDefault(t => t.Culture == culture) is { } t ? pick(t) : "";
        return new ProductDraft(product.Id, product.Version,
            Cultures.ToDictionary(c => c, c => Text(c, t => t.Name, product.Name)),
            Cultures.ToDictionary(c => c, c => Text(c, t => t.Description, product.Description)),
            product.CategoryId, product.Price, product.Stock, product.Visible, product.ImagePath);
    }

    /// <summary>Field by field, what differs; everything, against nothing, for a new product.</summary>
    public static IEnumerable<(string Field, string? Old, string? New)> Differences(ProductDraft? before, ProductDraft after)
    {
        var invariant = CultureInfo.InvariantCulture;
        IEnumerable<(string, string?, string?)> Fields(ProductDraft? d)
        {
            foreach (var c in Cultures)
            {
                yield return ($"Name ({c})", d?.Names[c], null);
                yield return ($"Description ({c})", d?.Descriptions[c], null);
            }
            yield return ("Category", d?.CategoryId.ToString(invariant), null);
            yield return ("Price", d?.Price.ToString("0.00", invariant), null);
            yield return ("Stock", d?.Stock.ToString(invariant), null);
            yield return ("Visible", d is null ? null : d.Visible ? "true" : "false", null);
            yield return ("Image", d?.ImagePath, null);
        }
        return Fields(before).Zip(Fields(after), (b, a) => (b.Item1, Old: b.Item2, New: a.Item2)).Where(f => f.Old != f.New);
    }
}
