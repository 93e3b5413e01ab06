using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ShopApp.Tests.Pages.Admin;

/// <summary>What a catalog manager does in /Admin/Products, as the tests do it.</summary>
public static class CatalogAdmin
{
    /// <summary>The smallest real PNG: its 8-byte signature and an IHDR chunk. The shop checks the signature.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    public static UploadedFile PngFile(string fileName = "hose.png") => new("Image", fileName, "image/png", Png);

    /// <summary>Good values for every field of a new product, in category 4 (Garden &amp; Outdoors).</summary>
    public static Dictionary<string, string> NewProduct(string name = "Garden Hose") => new()
    {
        ["Input.NameEn"] = name, ["Input.NameFr"] = "Tuyau d'arrosage", ["Input.NameDe"] = "Gartenschlauch",
        ["Input.DescriptionEn"] = "Twenty metres of kink-free hose.", ["Input.DescriptionFr"] = "Vingt mètres sans nœuds.",
        ["Input.DescriptionDe"] = "Zwanzig Meter knickfrei.",
        ["Input.CategoryId"] = "4", ["Input.Price"] = "19.90", ["Input.Stock"] = "5", ["Input.Visible"] = "true", ["Input.Version"] = "0",
    };

    /// <summary>The edit form's fields as the page rendered them (the version it was opened with included).</summary>
    public static Dictionary<string, string> FormFields(this IDocument page)
    {
        var form = page.QuerySelector("[data-testid=product-form]")!;
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name^='Input.']"))
        {
            if (input.Type == "checkbox")
            {
                fields[input.Name!] = input.IsChecked ? "true" : "false";
            }
            else if (input.Type != "hidden" || !fields.ContainsKey(input.Name!))
            {
                fields[input.Name!] = input.Value;
            }
        }
        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea"))
        {
            fields[area.Name!] = area.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            fields[select.Name!] = select.Value ?? "";
        }
        return fields;
    }

    public static Task<HttpResponseMessage> SaveProductAsync(this ShopClient client, Dictionary<string, string> fields, int? id = null, UploadedFile? image = null) =>
        client.PostMultipartAsync(id is null ? "/Admin/Products/Edit" : $"/Admin/Products/Edit/{id}", fields, image, tokenPage: id is null ? "/Admin/Products/Edit" : $"/Admin/Products/Edit/{id}");

    /// <summary>Opens a product's edit page, changes some fields and saves, as a manager would.</summary>
    public static async Task<HttpResponseMessage> EditProductAsync(this ShopClient client, int id, params (string Field, string Value)[] changes)
    {
        var fields = (await client.GetPageAsync($"/Admin/Products/Edit/{id}")).FormFields();
        foreach (var (field, value) in changes)
        {
            fields[field] = value;
        }
        return await client.SaveProductAsync(fields, id);
    }
}
