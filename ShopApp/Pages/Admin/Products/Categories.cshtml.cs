using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Catalog;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Admin.Products;

/// <summary><c>/Admin/Products/Categories</c>: the categories in three languages, renamed in place, and a form for a new one.</summary>
public class CategoriesModel(CategoryEditor editor, IStringLocalizer<ShopText> t) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    /// <summary>The category whose rename was refused, with what was typed; the other rows show what is stored.</summary>
    public int? FailedId { get; private set; }

    public Dictionary<string, string> Typed { get; private set; } = [];

    public Dictionary<string, string> Errors { get; } = [];

    public string? Slug { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Categories = await editor.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? slug, string? nameEn, string? nameFr, string? nameDe, CancellationToken cancellationToken)
    {
        Slug = slug?.Trim().ToLowerInvariant() ?? "";
        if (Slug.Length is 0 or > 40 || !CategoryEditor.SlugPattern().IsMatch(Slug))
        {
            Errors["slug"] = t["An address has 1 to 40 lower-case letters, digits and single hyphens, such as garden-tools."];
        }
        if (Check(nameEn, nameFr, nameDe) is { } names && Errors.Count == 0)
        {
            if (await editor.CreateAsync(Slug, names, User.Identity?.Name ?? "?", cancellationToken) == CategorySave.SlugTaken)
            {
                Errors["slug"] = t["Another category already has this address."];
            }
            else
            {
                Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} is saved.", names["en"]]));
                return RedirectToPage();
            }
        }
        FailedId = 0;
        Categories = await editor.AllAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRenameAsync(int? id, string? nameEn, string? nameFr, string? nameDe, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return BadRequest();
        }
        if (Check(nameEn, nameFr, nameDe) is { } names)
        {
            if (await editor.RenameAsync(id.Value, names, User.Identity?.Name ?? "?", cancellationToken) == CategorySave.NotFound)
            {
                return NotFound();
            }
            Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} is saved.", names["en"]]));
            return RedirectToPage();
        }
        FailedId = id;
        Categories = await editor.AllAsync(cancellationToken);
        return Categories.Any(c => c.Id == id) ? Page() : NotFound();
    }

    /// <summary>The three names, trimmed, or null with a message per missing or too long one.</summary>
    private Dictionary<string, string>? Check(params string?[] typed)
    {
        Typed = new() { ["en"] = typed[0]?.Trim() ?? "", ["fr"] = typed[1]?.Trim() ?? "", ["de"] = typed[2]?.Trim() ?? "" };
        foreach (var (culture, name) in Typed)
        {
            if (name.Length is 0 or > CategoryEditor.NameMaxLength)
            {
                Errors[culture] = t["Enter a name of 1 to {0} characters.", CategoryEditor.NameMaxLength];
            }
        }
        return Errors.Keys.Any(Typed.ContainsKey) ? null : Typed;
    }
}
