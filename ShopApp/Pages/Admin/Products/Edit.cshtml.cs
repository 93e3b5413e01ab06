using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Catalog;
using ShopApp.Localization;
using ShopApp.Pages.Shared;

namespace ShopApp.Pages.Admin.Products;

/// <summary>
/// <c>/Admin/Products/Edit</c> makes a product, <c>/Admin/Products/Edit/{id}</c> changes one. A save that another
/// manager's save overtook is refused and shows their version; the page lists every change ever made to the product.
/// </summary>
public class EditModel(CatalogEditor editor, CategoryEditor categories, ProductImages images, IStringLocalizer<ShopText> t) : PageModel
{
    [BindProperty]
    public ProductInput Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Image { get; set; }

    public int? Id { get; private set; }

    public string? ImagePath { get; private set; }

    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public IReadOnlyList<CatalogAuditEntry> History { get; private set; } = [];

    /// <summary>Set when another manager saved first: their version, to compare with what this form holds.</summary>
    public ProductInput? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await editor.LoadAsync(id.Value, cancellationToken) is not { } draft)
            {
                return NotFound();
            }
            Input = ProductInput.From(draft);
            ImagePath = draft.ImagePath;
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var current = id is null ? null : await editor.LoadAsync(id.Value, cancellationToken);
        if (id is not null && current is null)
        {
            return NotFound();
        }
        ImagePath = current?.ImagePath;
        await LoadAsync(id, cancellationToken);

        if (Input.CategoryId is int categoryId && Categories.All(c => c.Id != categoryId))
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ProductInput.CategoryId)}", t["Choose a category."]);
        }
        var price = Input.PriceInEuros();
        if (price is null && ModelState.GetValidationState($"{nameof(Input)}.{nameof(ProductInput.Price)}") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(ProductInput.Price)}", t["Enter a price in euros above 0 with at most 2 decimals, such as 12.50."]);
        }
        // A new image replaces the old one; a new product needs one.
        if (Image is not null || current is null)
        {
            var upload = await images.SaveAsync(Image, cancellationToken);
            if (upload.Problem != ImageProblem.None)
            {
                ModelState.AddModelError(nameof(Image), Explain(upload.Problem));
            }
            ImagePath = upload.Url ?? ImagePath;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await editor.SaveAsync(Input.ToDraft(id, price!.Value, ImagePath!), User.Identity?.Name ?? "?", cancellationToken);
        switch (result.Outcome)
        {
            case SaveOutcome.NotFound:
                return NotFound();
            case SaveOutcome.ChangedBySomeoneElse:
                Theirs = ProductInput.From(result.Current!);
                // Saving again now is a choice made with their version in view: it replaces theirs.
                ModelState.Remove($"{nameof(Input)}.{nameof(ProductInput.Version)}");
                Input.Version = result.Current!.Version;
                return Page();
            default:
                Notice.Set(TempData, new Notice(NoticeKind.Success, t["{0} is saved.", Input.NameEn.Trim()]));
                return RedirectToPage(new { id = result.Id });
        }
    }

    private async Task LoadAsync(int? id, CancellationToken cancellationToken)
    {
        Id = id;
        Categories = await categories.AllAsync(cancellationToken);
        History = id is null ? [] : await editor.HistoryAsync(id.Value, cancellationToken);
    }

    private string Explain(ImageProblem problem) => problem switch
    {
        ImageProblem.Missing => t["Choose an image for the product."],
        ImageProblem.TooLarge => t["The image is larger than 2 MB."],
        ImageProblem.ActiveSvg => t["This SVG contains scripts or embedded content, which the shop does not accept."],
        _ => t["This file is not a PNG, JPEG, WebP or SVG image."],
    };
}
