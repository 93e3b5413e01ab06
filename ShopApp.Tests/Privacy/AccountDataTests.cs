using System.Net;
using System.Text.Json;
using ShopApp.Account;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Privacy;

/// <summary>/Account/Data: what the shop keeps about an account, downloaded, and the account erased.</summary>
public sealed class AccountDataTests : ShopTest
{
    private const string Password = "Secret#123";

    [Fact]
    public async Task Your_data_shows_the_account_its_sign_ins_orders_and_this_session_with_the_card_masked()
    {
        var email = await Client.RegisterAndOrderAsync(Password);

        var page = await Client.GetPageAsync("/Account/Data");

        Assert.Equal(email, page.QuerySelector("[data-testid=data-email]")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=data-sign-in]"));
        Assert.Single(page.QuerySelectorAll("[data-testid=data-order]"));
        Assert.NotNull(page.QuerySelector("[data-testid=data-session-entry][data-key=SignedInUser]"));
        Assert.DoesNotContain("4242 4242", page.Body!.TextContent);
    }

    [Fact]
    public async Task Your_data_downloads_as_json()
    {
        var email = await Client.RegisterAndOrderAsync(Password);

        var response = await Client.GetAsync("/Account/Data?format=json");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(email, json.RootElement.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("orders").GetArrayLength());
        Assert.Equal("Paris", json.RootElement.GetProperty("orders")[0].GetProperty("address").GetProperty("city").GetString());
        Assert.NotEqual(0, json.RootElement.GetProperty("session").GetArrayLength());
    }

    [Fact]
    public async Task Your_data_needs_a_sign_in()
    {
        Assert.StartsWith("/Account/Login", (await Client.GetAsync("/Account/Data")).RedirectTarget());
    }

    [Fact]
    public async Task A_wrong_password_erases_nothing()
    {
        await Client.RegisterAndOrderAsync(Password);

        var response = await Client.PostAsync("/Account/Data?handler=Delete", new Dictionary<string, string> { ["password"] = "wrong" }, "/Account/Data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(response)).FormProblem());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/Account/Data")).StatusCode);
    }

    [Fact]
    public async Task Erasing_ends_the_account_its_sign_ins_and_session_and_anonymises_its_orders()
    {
        var email = await Client.RegisterAndOrderAsync(Password);
        var number = (await Client.GetPageAsync("/Orders")).QuerySelector("[data-testid=order]")!.GetAttribute("data-number")!;
        using var elsewhere = Factory.CreateShopClient();
        await elsewhere.SignInAsync(email, Password);
        var sessionBefore = ShopApp.Tests.Teaching.InspectorView.KeyOf(Factory, Client);

        var response = await Client.PostAsync("/Account/Data?handler=Delete", new Dictionary<string, string> { ["password"] = Password }, "/Account/Data");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await Client.GetPageAsync("/")).UserName());
        Assert.Null((await elsewhere.GetPageAsync("/")).UserName());
        Assert.NotEqual(sessionBefore, ShopApp.Tests.Teaching.InspectorView.KeyOf(Factory, Client));
        Assert.Empty(await Client.CartAsync());
        Assert.Equal(HttpStatusCode.OK, (await Client.SignInAsync(email, Password)).StatusCode);

        using var admin = Factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);
        var order = (await admin.GetPageAsync("/Admin/Orders")).QuerySelector($"[data-testid=order][data-number='{number}']")!;
        Assert.Contains("erased", order.TextContent);
        Assert.DoesNotContain(email, order.TextContent);
        var details = await admin.GetPageAsync($"/Orders/{number}");
        Assert.DoesNotContain("rue de la Paix", details.QuerySelector("[data-testid=order-address]")!.TextContent);
    }

    [Fact]
    public async Task An_erased_e_mail_can_register_again_and_starts_empty()
    {
        var email = await Client.RegisterAndOrderAsync(Password);
        await Client.PostAsync("/Account/Data?handler=Delete", new Dictionary<string, string> { ["password"] = Password }, "/Account/Data");

        Assert.Equal(HttpStatusCode.Redirect, (await Client.RegisterAsync(email, Password)).StatusCode);

        Assert.Empty((await Client.GetPageAsync("/Orders")).QuerySelectorAll("[data-testid=order]"));
        Assert.Empty((await Client.GetPageAsync("/Account/Data")).QuerySelectorAll("[data-testid=data-order]"));
    }

    [Fact]
    public async Task The_last_admin_cannot_erase_their_account()
    {
        await Client.SignInAsync(AccountSeed.Admin);

        var response = await Client.PostAsync("/Account/Data?handler=Delete", new Dictionary<string, string> { ["password"] = AccountSeed.Admin.Password }, "/Account/Data");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await ShopClient.ParseAsync(response)).FormProblem());
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync("/Admin")).StatusCode);
    }
}
