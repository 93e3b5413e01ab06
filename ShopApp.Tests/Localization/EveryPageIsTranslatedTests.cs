using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ShopApp.Account;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Localization;

/// <summary>
/// No gaps on the pages either: every page, in the states a shopper can bring it to (empty and full cart, notices,
/// validation errors, status pages, signed in as customer and admin), rendered in French and German, must not
/// show an English text from the resources.
/// </summary>
public sealed partial class EveryPageIsTranslatedTests : ShopTest
{
    [Theory]
    [InlineData("fr")]
    [InlineData("de")]
    public async Task No_page_shows_an_english_text_from_the_resources(string culture)
    {
        var pages = new List<(string What, IDocument Page)>();
        async Task Visit(ShopClient client, string url) => pages.Add((url, await ShopClient.ParseAsync(await client.GetAsync(url))));
        async Task After(ShopClient client, string what, Task<HttpResponseMessage> post)
        {
            var response = await post;
            pages.Add((what, response.Headers.Location is null ? await ShopClient.ParseAsync(response) : await client.FollowAsync(response)));
        }

        await Client.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = culture });
        foreach (var url in new[] { "/", "/?category=kitchen", "/?q=zzzz", "/Products/1", "/Products/6", "/Cart", "/Language",
                     "/Account/Login", "/Account/Register", "/Account/Logout", "/Status/400", "/Status/404", "/Status/405", "/Status/500", "/Status/503", "/Error", "/no-such-page" })
        {
            await Visit(Client, url);
        }
        await After(Client, "added to cart", Client.AddAsync(productId: 3, quantity: 2));
        await After(Client, "too many", Client.AddAsync(productId: 3, quantity: 5));
        await Visit(Client, "/Cart");
        await Visit(Client, "/Products/3");
        await After(Client, "wrong password", Client.SignInAsync(AccountSeed.Customer.Email, "Wrong#123"));
        await After(Client, "empty login", Client.SignInAsync("", ""));
        await After(Client, "bad registration", Client.RegisterAsync("not-an-email", password: "weak", confirm: "other", displayName: ""));
        await After(Client, "unknown language", Client.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = "xx" }));

        await After(Client, "signed in", Client.SignInAsync(AccountSeed.Customer));
        await Visit(Client, "/Admin");
        foreach (var url in new[] { "/Account/Manage", "/Account/Sessions", "/Account/Logout", "/Account/Login" })
        {
            await Visit(Client, url);
        }
        await After(Client, "bad password change", Client.PostAsync("/Account/Manage?handler=Password", new Dictionary<string, string>
        {
            ["Password.CurrentPassword"] = "Wrong#123", ["Password.NewPassword"] = "x", ["Password.ConfirmNewPassword"] = "y",
        }, tokenPage: "/Account/Manage"));
        await Visit(Client, "/Orders");
        await After(Client, "checkout with an empty cart", Client.GetAsync("/Checkout/Shipping"));
        await Client.AddAsync(productId: 3, quantity: 1);
        await Visit(Client, "/Checkout/Shipping");
        await After(Client, "bad shipping", Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.PostalCode", "x").With("Shipping.FullName", "").With("Shipping.Phone", "12")));
        await After(Client, "unknown country", Client.PostShippingAsync(CheckoutSteps.GoodShipping().With("Shipping.Country", "XX")));
        await After(Client, "shipping done", Client.PostShippingAsync());
        await After(Client, "no delivery chosen", Client.PostDeliveryAsync(null));
        await After(Client, "delivery done", Client.PostDeliveryAsync("Express"));
        await After(Client, "empty card", Client.PostPaymentAsync(new Dictionary<string, string>()));
        await After(Client, "bad card", Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "4242 4242 4242 4241").With("Payment.Expiry", "01/20").With("Payment.Cvc", "1")));
        await After(Client, "bad card format", Client.PostPaymentAsync(CheckoutSteps.GoodCard().With("Payment.CardNumber", "abc").With("Payment.Expiry", "xx")));
        await After(Client, "payment done", Client.PostPaymentAsync());
        await Visit(Client, "/Checkout/Payment");
        var review = await Client.GetPageAsync("/Checkout/Review");
        pages.Add(("review", review));
        await After(Client, "stale review", Client.PostWithoutTokenAsync("/Checkout/Review", review.PlaceOrderFields().With("orderToken", "old")));
        await After(Client, "order placed", Client.PostWithoutTokenAsync("/Checkout/Review", review.PlaceOrderFields()));
        await Visit(Client, "/Orders");
        await After(Client, "signed out", Client.SignOutAsync());

        using var admin = Factory.CreateShopClient();
        await admin.PostAsync("/Language", new Dictionary<string, string> { ["culture"] = culture });
        await After(admin, "admin signed in", admin.SignInAsync(AccountSeed.Admin));
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Admin);
        await Visit(admin, "/Admin");
        await Visit(admin, "/Account/Sessions");
        await Visit(admin, "/Admin/Orders");
        await Visit(admin, "/Admin/Orders?status=Lost");
        await Visit(admin, "/Admin/Orders?status=Delivered");
        var number = (await admin.GetPageAsync("/Admin/Orders")).QuerySelector("[data-testid=order]")!.GetAttribute("data-number")!;
        await After(admin, "order shipped", admin.PostAsync("/Admin/Orders?handler=Move", new Dictionary<string, string> { ["number"] = number, ["to"] = "Shipped" }, tokenPage: "/Admin/Orders"));
        await After(admin, "bad move", admin.PostAsync("/Admin/Orders?handler=Move", new Dictionary<string, string> { ["number"] = number, ["to"] = "Cancelled" }, tokenPage: "/Admin/Orders"));
        await After(admin, "no such order", admin.PostAsync("/Admin/Orders?handler=Move", new Dictionary<string, string> { ["number"] = "SA-2222-2222", ["to"] = "Shipped" }, tokenPage: "/Admin/Orders"));
        await Visit(admin, $"/Orders/{number}");

        // Teaching mode (on in Development): the inspector is on every page above; here its pages and lessons.
        foreach (var url in new[] { "/Session", "/Learn", "/Learn/Stateless", "/Learn/Cookies", "/Learn/Signing", "/Learn/Fixation", "/Learn/SignOut", "/Learn/Timeouts", "/Learn/Orders", "/Learn/Servers", "/Learn/CookieSize", "/Learn/Hijacking", "/Learn/Csrf", "/Learn/HttpOnly", "/Learn/Roles", "/Learn/Tokens", "/Learn/Privacy", "/Teacher" })
        {
            await Visit(admin, url);
        }
        var cookie = admin.Cookies[".ShopApp.Session"];
        await After(admin, "tamper rejected", admin.PostAsync("/Learn?handler=Tamper", new Dictionary<string, string> { ["Cookie"] = "x" + cookie }, tokenPage: "/Learn"));
        await After(admin, "tamper own", admin.PostAsync("/Learn?handler=Tamper", new Dictionary<string, string> { ["Cookie"] = cookie }, tokenPage: "/Learn"));
        await After(admin, "tamper bad input", admin.PostAsync("/Learn?handler=Tamper", new Dictionary<string, string> { ["Cookie"] = "a b;c" }, tokenPage: "/Learn"));
        await After(admin, "tamper empty", admin.PostAsync("/Learn?handler=Tamper", new Dictionary<string, string> { ["Cookie"] = "" }, tokenPage: "/Learn"));
        await After(admin, "signing empty", admin.PostAsync("/Learn/Signing?handler=Protect", new Dictionary<string, string> { ["Message"] = "" }, tokenPage: "/Learn/Signing"));
        await After(admin, "signing done", admin.PostAsync("/Learn/Signing?handler=Protect", new Dictionary<string, string> { ["Message"] = "hello" }, tokenPage: "/Learn/Signing"));
        await After(admin, "signing refused", admin.PostAsync("/Learn/Signing?handler=Check", new Dictionary<string, string> { ["Signed"] = "eyJ4Ijox.AAAA.BBBB", ["Encrypted"] = "CfDJ8zzz" }, tokenPage: "/Learn/Signing"));
        await After(admin, "timeout shortened", admin.PostWithTokenAsync("/Learn/Timeouts?handler=Shorten", tokenPage: "/Learn/Timeouts"));
        await After(admin, "timeout restored", admin.PostWithTokenAsync("/Learn/Timeouts?handler=Restore", tokenPage: "/Learn/Timeouts"));
        await Visit(Client, "/Learn/SignOut");
        await Visit(Client, "/Learn/Orders");
        await After(admin, "classroom ended", admin.PostWithTokenAsync("/Teacher?handler=EndAll", tokenPage: "/Teacher"));

        Assert.All(pages, p => Assert.Equal(culture, p.Page.DocumentElement.GetAttribute("lang")));
        var english = EnglishTextsThatAreTranslated(culture);
        var found = pages.SelectMany(p => EnglishOn(p.Page, english).Select(text => $"{p.What}: \"{text}\"")).Distinct().ToList();
        Assert.Empty(found);
    }

    /// <summary>English values that differ from the translation ("Name" is German too, so it cannot give a page away).</summary>
    private static List<string> EnglishTextsThatAreTranslated(string culture)
    {
        var english = ShopTexts.File("en");
        var translated = ShopTexts.File(culture);
        return [.. english.Where(e => translated[e.Key] != e.Value).Select(e => e.Value)];
    }

    private static IEnumerable<string> EnglishOn(IDocument page, List<string> english)
    {
        // translate="no" marks data shown as it is stored (session keys, JSON values), not text of the interface.
        var texts = page.Body!.Descendants<IText>().Where(t => t.ParentElement?.Closest("[translate=no]") is null).Select(t => t.Data)
            .Concat(page.All.SelectMany(e => new[] { "aria-label", "placeholder", "title", "alt" }.Select(e.GetAttribute)))
            .Append(page.Title)
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Select(t => Regex.Replace(t!, @"\s+", " ").Trim())
            .ToList();
        var all = string.Join("\n", texts);

        foreach (var text in english)
        {
            var fragments = Placeholder().Split(text).Select(f => f.Trim()).Where(f => f.Length > 0).ToList();
            var telling = fragments.Count == 0 ? "" : fragments.MaxBy(f => f.Length)!;
            if (fragments.Count == 1 && texts.Contains(text) || telling.Length >= 14 && all.Contains(telling, StringComparison.Ordinal))
            {
                yield return text;
            }
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
