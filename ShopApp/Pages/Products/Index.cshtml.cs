using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Catalog;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Tuning;

namespace ShopApp.Pages.Products;

/// <summary>The catalog grid at <c>/</c>: <c>?category=</c>, <c>?q=</c> and <c>?page=</c> combine freely.</summary>
[CachedPage(NotWithQuery = "q")]
public class IndexModel(ShopDbContext db, CategoryMenu categoryMenu, IProductCatalog catalog) : PageModel
{
    public Category? Category { get; private set; }

    public string? Search { get; private set; }

    public int CurrentPage { get; private set; } = 1;

    public CatalogResults Results { get; private set; } = new([], 0, 1);

    public async Task<IActionResult> OnGetAsync(string? category, string? q, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(category))
        {
            Category = await categoryMenu.FindAsync(category, cancellationToken);
            if (Category is null)
            {
                return NotFound();
            }
        }

        if (page is not null)
        {
            if (!int.TryParse(page, out var number) || number < 1)
            {
                return BadRequest();
            }
            CurrentPage = number;
        }

        Search = q?.Trim();
        if (Search?.Length > CatalogSearch.MaxTextLength)
        {
            Search = Search[..CatalogSearch.MaxTextLength];
        }

        var search = new CatalogSearch(Category, Search, CurrentPage);
        var culture = Languages.Current;
        // Browsing is the same for every visitor (the tuning wing keeps it); a search is the visitor's own.
        Results = string.IsNullOrEmpty(Search)
            ? await catalog.BrowseAsync(search, culture, cancellationToken)
            : await search.RunAsync(db, culture, cancellationToken);
        if (CurrentPage > Results.PageCount)
        {
            return NotFound();
        }
        return Page();
    }

    /// <summary>
    /// "page" is also the route value Razor Pages routes by, so the tag helpers cannot build <c>?page=</c> links;
    /// this builds them by hand, keeping the filter and search.
    /// </summary>
    public string PageLink(int number)
    {
        var query = new Dictionary<string, string?> { ["category"] = Category?.Slug, ["q"] = Search };
        if (number > 1)
        {
            query["page"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(Url.Content("~/"), query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
