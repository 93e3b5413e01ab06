using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;

namespace ShopApp.Tests.Security;

/// <summary>
/// Every page route in the route table, with every HTTP method and a set of hostile bodies and cookies, as a stranger
/// and as the admin: nothing may answer 5xx. What a route should answer instead is tested where the route lives.
/// </summary>
public sealed class HostileRequestTests
{
    private static readonly string[] Methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"];

    /// <summary>A value for each route parameter the shop has: one that exists, so the page gets past its lookup.</summary>
    private static string ValueOf(string parameter) => parameter switch
    {
        "id" => "7",
        "code" => "404",
        "number" => "SA-0000-0000",
        _ => "x",
    };

    private static IEnumerable<string> PageRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => ValueOf(parameter.Name),
                _ => "",
            })))))
            .Distinct()
            .Order(StringComparer.Ordinal);

    /// <summary>Bodies a scanner sends: each is a form of its own kind, with or without a valid token.</summary>
    private static IEnumerable<(string Name, Func<string, HttpContent> Body)> Bodies()
    {
        yield return ("valid token, odd fields", token => new FormUrlEncodedContent([
            new("__RequestVerificationToken", token), new("productId", "１"), new("quantity", "+1"), new("returnUrl", "/?q=thé"),
            new("culture", "xx"), new("Input.Email", "<script>"), new("orderToken", "\u0000"), new("code", "0x10")]));
        yield return ("NUL byte", token => new StringContent($"__RequestVerificationToken={token}&quantity=1\u0000&productId=7", Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("too many fields", token => new StringContent($"__RequestVerificationToken={token}&" + string.Join("&", Enumerable.Range(0, 2000).Select(i => $"f{i}=1")), Encoding.UTF8, "application/x-www-form-urlencoded"));
        yield return ("broken multipart", _ => BrokenMultipart());
        yield return ("JSON", _ => new StringContent("{\"productId\":7}", Encoding.UTF8, "application/json"));
    }

    private static HttpContent BrokenMultipart()
    {
        var content = new StringContent("--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=b");
        return content;
    }

    [Fact]
    public async Task No_route_answers_5xx_to_any_method_body_or_cookie()
    {
        await using var factory = new ShopFactory();
        using var stranger = factory.CreateShopClient();
        using var admin = factory.CreateShopClient();
        await admin.SignInAsync(AccountSeed.Admin);
        await stranger.AddAsync(productId: 7);
        var routes = PageRoutes(factory.Services).ToList();
        Assert.Contains("/Cart", routes);
        Assert.Contains("/Products/7", routes);
        // Static files and an address with no route at all, under the same treatment.
        routes.AddRange(["/css/site.css", "/favicon.svg", "/no-such-page"]);

        var failures = new List<string>();
        foreach (var client in new[] { stranger, admin })
        {
            var token = (await client.GetPageAsync("/Cart")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
            foreach (var route in routes.SelectMany(r => new[] { r, r + "?handler=Nope", r + "?returnUrl=%2F%3Fq%3Dth%C3%A9" }))
            {
                foreach (var method in Methods)
                {
                    var bodies = method is "GET" or "HEAD" ? [("none", _ => null!)] : Bodies().ToList();
                    foreach (var (name, body) in bodies)
                    {
                        using var request = new HttpRequestMessage(new HttpMethod(method), route);
                        if (name != "none")
                        {
                            request.Content = body(token);
                        }
                        using var response = await client.SendAsync(request);
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{method} {route} ({name}): {(int)response.StatusCode}");
                        }
                    }
                }
            }
        }

        // Cookies a scanner sends: damaged, foreign and oversized values in place of the shop's own.
        foreach (var cookie in new[] { ".ShopApp.Session=%00%FF", ".ShopApp.Session=" + new string('A', 3000), ".ShopApp.SignIn=garbage", ".ShopApp.Antiforgery=\u00e9" })
        {
            foreach (var route in routes)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, route);
                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                using var response = await stranger.Http.SendAsync(request);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"GET {route} with cookie {cookie[..Math.Min(cookie.Length, 30)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("TRACE", "/Products/1")]
    [InlineData("PUT", "/Cart")]
    [InlineData("DELETE", "/Products/1")]
    [InlineData("PATCH", "/Cart")]
    public async Task A_method_no_handler_serves_is_a_405_with_the_friendly_page(string method, string route)
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();
        var token = (await client.GetPageAsync("/Cart")).QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        using var request = new HttpRequestMessage(new HttpMethod(method), route)
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Equal(405, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }

    [Theory]
    [InlineData("/Products/1")]
    [InlineData("/Session")]
    [InlineData("/Learn/Fixation")]
    public async Task A_post_with_a_valid_token_to_a_page_without_a_post_handler_is_a_405(string route)
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        using var response = await client.PostAsync(route, Array.Empty<KeyValuePair<string, string>>(), tokenPage: "/Cart");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("/Language", "culture", "fr")]
    [InlineData("/Cart?handler=Add", "productId", "7")]
    public async Task A_return_address_with_any_character_is_sent_back_encoded_and_local(string action, string field, string value)
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        using var response = await client.PostAsync(action, [new(field, value), new("quantity", "1"), new("returnUrl", "/?q=thé crème")], tokenPage: "/Cart");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/?q=th%C3%A9%20cr%C3%A8me", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_sign_in_with_a_non_ascii_return_address_comes_back_to_it()
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        using var response = await client.SignInAsync(AccountSeed.Customer.Email, AccountSeed.Customer.Password, returnUrl: "/?q=thé");

        Assert.Equal("/?q=th%C3%A9", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("+1")]
    [InlineData("１")]
    [InlineData("٣")]
    [InlineData("0x10")]
    [InlineData("1e1")]
    public async Task A_quantity_that_is_not_ascii_digits_is_refused_with_the_quantity_message(string quantity)
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();

        var page = await client.FollowAsync(await client.PostAsync("/Cart?handler=Add", [new("productId", "7"), new("quantity", quantity)], tokenPage: "/Cart"));

        Assert.True(page.NoticeIsProblem());
        Assert.Empty(await client.CartAsync());
    }

    [Theory]
    [InlineData("NUL byte", "application/x-www-form-urlencoded", "quantity=1\u0000")]
    [InlineData("broken multipart", "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end")]
    [InlineData("over the field-count limit", "application/x-www-form-urlencoded", "TOO_MANY_FIELDS")]
    public async Task An_unreadable_form_is_a_400_with_the_friendly_page(string what, string contentType, string body)
    {
        await using var factory = new ShopFactory();
        using var client = factory.CreateShopClient();
        await client.GetPageAsync("/Cart");
        if (body == "TOO_MANY_FIELDS")
        {
            // The framework reads at most 1,024 fields (FormOptions.ValueCountLimit).
            body = string.Join("&", Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Cart?handler=Add") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await client.SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode}");
        Assert.Equal(400, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }
}
