using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Api;
using ShopApp.Tests.Checkout;

namespace ShopApp.Tests.Api;

public sealed class TokenApiTests : ShopTest
{
    private const string Password = "Secret#123";

    [Fact]
    public async Task A_token_for_the_right_password_reads_that_users_orders_as_json()
    {
        var email = await Client.RegisterAndOrderAsync(Password);
        var number = (await Client.GetPageAsync("/Orders")).QuerySelector("[data-testid=order]")!.GetAttribute("data-number")!;
        using var other = Factory.CreateShopClient();
        await other.SignInAsync(AccountSeed.Customer);

        var token = await TokenAsync(email, Password);
        using var response = await OrdersAsync(token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var orders = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var order = Assert.Single(orders);
        Assert.Equal(number, order.GetProperty("number").GetString());
        Assert.Equal(7, order.GetProperty("lines")[0].GetProperty("productId").GetInt32());
        Assert.Equal("[]", await (await OrdersAsync(await TokenAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_token_lasts_the_configured_lifetime_and_the_api_sets_no_cookie()
    {
        using var response = await RequestTokenAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(15 * 60, body.GetProperty("expires_in").GetInt32());
        Assert.Empty(SetCookie.From(response));
        using var orders = await OrdersAsync(body.GetProperty("access_token").GetString()!);
        Assert.Empty(SetCookie.From(orders));
    }

    [Fact]
    public async Task Signing_out_in_the_browser_leaves_the_token_reading_orders()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        var token = await TokenAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password);

        await Client.SignOutAsync();

        Assert.Null((await Client.GetPageAsync("/")).UserName());
        Assert.Equal(HttpStatusCode.OK, (await OrdersAsync(token)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_email_get_the_same_problem()
    {
        using var wrong = await RequestTokenAsync(AccountSeed.Customer.Email, "wrong");
        using var unknown = await RequestTokenAsync("nobody@example.com", "wrong");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await wrong.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_stop_the_address_for_the_api_and_the_sign_in_page_alike()
    {
        for (var i = 0; i < SignInThrottle.MaxFailures; i++)
        {
            await RequestTokenAsync(AccountSeed.Customer.Email, "wrong");
        }

        using var right = await RequestTokenAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.Equal("application/problem+json", right.Content.Headers.ContentType?.MediaType);
        var page = await ShopClient.ParseAsync(await Client.SignInAsync(AccountSeed.Customer));
        Assert.Equal(ShopApp.Pages.Account.LoginModel.Stopped, page.FormProblem());
    }

    [Theory]
    [InlineData("none")]
    [InlineData("garbage")]
    [InlineData("changed")]
    [InlineData("expired")]
    [InlineData("another key")]
    public async Task Orders_without_a_valid_token_are_a_401_problem(string what)
    {
        var user = await UserAsync(AccountSeed.Customer.Email);
        var token = what switch
        {
            "none" => null,
            "garbage" => "not.a.token",
            "changed" => Changed(await TokenAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password)),
            "expired" => new TokenIssuer(Key(), new ApiSettings(), new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-16))).Issue(user).AccessToken,
            _ => new TokenIssuer(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]), new ApiSettings(), TimeProvider.System).Issue(user).AccessToken,
        };

        using var response = await OrdersAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_sign_in_cookie_alone_does_not_open_the_api()
    {
        await Client.SignInAsync(AccountSeed.Customer);

        using var response = await Client.GetAsync("/api/orders");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("erased")]
    [InlineData("locked")]
    public async Task A_token_of_an_erased_or_locked_account_reads_nothing(string what)
    {
        var email = await Client.RegisterAndOrderAsync(Password);
        var token = await TokenAsync(email, Password);
        if (what == "erased")
        {
            await Client.PostAsync("/Account/Data?handler=Delete", new Dictionary<string, string> { ["password"] = Password }, "/Account/Data");
        }
        else
        {
            using var scope = Factory.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(email))!, DateTimeOffset.UtcNow.AddHours(1));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await OrdersAsync(token)).StatusCode);
    }

    [Theory]
    [InlineData("text/plain", "email=a&password=b", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{}", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[1,2]", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "{\"email\": 5, \"password\": true}", HttpStatusCode.BadRequest)]
    public async Task A_bad_token_request_is_a_4xx_problem(string contentType, string body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/token") { Content = new StringContent(body, System.Text.Encoding.UTF8, contentType) };

        using var response = await Client.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Unserved_methods_and_addresses_under_api_are_problems_not_pages()
    {
        using var get = await Client.Http.GetAsync("/api/token");
        using var nowhere = await Client.Http.GetAsync("/api/nowhere");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal("POST", get.Content.Headers.Allow.Single());
        Assert.Equal("application/problem+json", get.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
        Assert.Equal("application/problem+json", nowhere.Content.Headers.ContentType?.MediaType);
    }

    private Microsoft.IdentityModel.Tokens.SecurityKey Key() =>
        Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions>>()
            .Get(Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters.IssuerSigningKey;

    /// <summary>The token with one character of its payload changed: the signature no longer matches.</summary>
    private static string Changed(string token)
    {
        var parts = token.Split('.');
        var payload = parts[1].ToCharArray();
        payload[10] = payload[10] == 'A' ? 'B' : 'A';
        return $"{parts[0]}.{new string(payload)}.{parts[2]}";
    }

    private async Task<ShopUser> UserAsync(string email)
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>().FindByEmailAsync(email))!;
    }

    private Task<HttpResponseMessage> RequestTokenAsync(string email, string password) =>
        Client.Http.PostAsJsonAsync("/api/token", new { email, password });

    private async Task<string> TokenAsync(string email, string password)
    {
        using var response = await RequestTokenAsync(email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    private async Task<HttpResponseMessage> OrdersAsync(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/orders");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await Client.Http.SendAsync(request);
    }
}
