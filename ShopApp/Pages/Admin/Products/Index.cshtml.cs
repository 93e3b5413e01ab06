using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;
using ShopApp.Data;
using ShopApp.Localization;

namespace ShopApp.Pages.Admin.Products;

/// <summary><c>/Admin/Products</c>: every product, hidden ones too, paged and searchable by name in any language.</summary>
public class IndexModel(ShopDbContext db) : PageModel
{
    public const int PageSize = 20;

    public string? Search { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public int PageCount { get; private set; } = 1;

    public int Total { get; private set; }

    public IReadOnlyList<AdminProductRow> Products { get; private set; } = [];

    /// <summary>A page of the list with the same search. (<c>page</c> is also Razor Pages' own route value, so the link is built here.)</summary>
    public string PageLink(int number) =>
        Url.Content("~/Admin/Products") + (string.IsNullOrEmpty(Search)
            ? QueryString.Create("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture))
            : QueryString.Create([new KeyValuePair<string, string?>("q", Search), new("page", number.ToString(System.Globalization.CultureInfo.InvariantCulture))]));

    public async Task OnGetAsync(string? q, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        Search = q;
        var culture = Languages.Current;
        var query = db.Products.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var text = Search.Trim();
            if (text.Length > CatalogSearch.MaxTextLength)
            {
                text = text[..CatalogSearch.MaxTextLength];
            }
            // Any language's name: a manager looks for "Tasse" as readily as "Mug", in any case.
            var lowered = text.ToLowerInvariant();
            query = query.Where(p => p.Name.ToLower().Contains(lowered) || p.Translations.Any(t => t.Name.ToLower().Contains(lowered)));
        }
        Total = await query.CountAsync(cancellationToken);
        PageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        CurrentPage = Math.Clamp(page ?? 1, 1, PageCount);
        Products = await query.OrderBy(p => p.Name).ThenBy(p => p.Id)
            .Skip((CurrentPage - 1) * PageSize).Take(PageSize)
            .InLanguage(culture)
            .Select(p => new AdminProductRow(p.Id, p.Name, p.CategoryName, p.Price, p.Stock, p.Visible))
            .ToListAsync(cancellationToken);
    }
}

public sealed record AdminProductRow(int Id, string Name, string Category, decimal Price, int Stock, bool Visible);
