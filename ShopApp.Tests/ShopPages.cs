using AngleSharp.Dom;

namespace ShopApp.Tests;

/// <summary>What the tests read off ShopApp's pages, by data-testid, never by English text.</summary>
public static class ShopPages
{
    public static int CartCount(this IDocument page) =>
        int.Parse(page.QuerySelector("[data-testid=cart-count]")!.TextContent.Trim());

    /// <summary>productId → quantity for every line on the /Cart page.</summary>
    public static Dictionary<int, int> CartLines(this IDocument page) =>
        page.QuerySelectorAll("[data-testid=cart-line]").ToDictionary(
            line => int.Parse(line.GetAttribute("data-product-id")!),
            line => int.Parse(line.QuerySelector("input[name=quantity]")!.GetAttribute("value")!));

    public static string? Subtotal(this IDocument page) =>
        page.QuerySelector("[data-testid=cart-subtotal]")?.TextContent.Trim();

    public static string? Notice(this IDocument page) =>
        page.QuerySelector("[data-testid=notice]")?.TextContent.Trim();

    public static bool NoticeIsProblem(this IDocument page) =>
        page.QuerySelector("[data-testid=notice]")?.ClassList.Contains("alert-danger") == true;

    public static IReadOnlyList<int> ProductIds(this IDocument page) =>
        [.. page.QuerySelectorAll("[data-testid=product-card]").Select(card => int.Parse(card.GetAttribute("data-product-id")!))];

    public static int? StatusPageCode(this IDocument page) =>
        int.TryParse(page.QuerySelector("[data-testid=status-page]")?.GetAttribute("data-status"), out var code) ? code : null;

    /// <summary>Reads the cart the way a shopper sees it: GET /Cart.</summary>
    public static async Task<Dictionary<int, int>> CartAsync(this ShopClient client) =>
        (await client.GetPageAsync("/Cart")).CartLines();

    public static Task<HttpResponseMessage> AddAsync(this ShopClient client, int productId, int quantity = 1) =>
        client.PostAsync("/Cart?handler=Add", new { productId, quantity });
}
