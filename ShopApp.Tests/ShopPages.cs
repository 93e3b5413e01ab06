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
            line => int.Parse(line.GetAttribute("data-quantity")!));

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

    /// <summary>The signed-in user's display name in the header, or null when the page is anonymous.</summary>
    public static string? UserName(this IDocument page) =>
        page.QuerySelector("[data-testid=user-name]")?.TextContent.Trim();

    public static string? FormProblem(this IDocument page) =>
        page.QuerySelector("[data-testid=form-problem]")?.TextContent.Trim();

    /// <summary>The validation message shown beside a field, by the field's name (e.g. <c>Input.Email</c>).</summary>
    public static string? FieldError(this IDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() is { Length: > 0 } text ? text : null;

    public static Task<HttpResponseMessage> SignInAsync(this ShopClient client, string email, string password, string? returnUrl = null) =>
        client.PostAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["returnUrl"] = returnUrl ?? "",
        }, tokenPage: "/Account/Login");

    public static Task<HttpResponseMessage> SignInAsync(this ShopClient client, ShopApp.Account.DemoAccount account) =>
        client.SignInAsync(account.Email, account.Password);

    public static Task<HttpResponseMessage> RegisterAsync(this ShopClient client, string email, string password = "Secret#123", string displayName = "Robin Reader", string? confirm = null) =>
        client.PostAsync("/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = displayName,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm ?? password,
        }, tokenPage: "/Account/Register");

    public static Task<HttpResponseMessage> SignOutAsync(this ShopClient client) =>
        client.PostWithTokenAsync("/Account/Logout");

    /// <summary>Where a redirect points, as a local path and query (the cookie handler writes absolute URLs).</summary>
    public static string RedirectTarget(this HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect.");
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }
}
