using System.Net;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Analytics;
using ShopApp.Data;
using ShopApp.Privacy;
using ShopApp.Sessions;

namespace ShopApp.Tests.Privacy;

/// <summary>/Privacy, the consent banner and what analytics store with and without consent.</summary>
public sealed class PrivacyTests : ShopTest
{
    [Fact]
    public async Task The_privacy_page_lists_every_cookie_and_session_key_that_SessionKeys_names()
    {
        var page = await Client.GetPageAsync("/Privacy");

        var listed = page.QuerySelectorAll("[data-testid=privacy-cookie]").Select(row => row.GetAttribute("data-name"))
            .Concat(page.QuerySelectorAll("[data-testid=privacy-key]").Select(row => row.GetAttribute("data-key"))).ToHashSet();
        var named = typeof(SessionKeys).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(SessionKeys.HostPrefix))
            .Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(named);
        Assert.All(named, name => Assert.Contains(name, listed));
        Assert.Equal("Consent", page.QuerySelector($"[data-testid=privacy-key][data-key='{SessionKeys.AnalyticsId}']")!.GetAttribute("data-basis"));
        Assert.Equal("StrictlyNecessary", page.QuerySelector($"[data-testid=privacy-cookie][data-name='{SessionKeys.SessionCookie}']")!.GetAttribute("data-basis"));
    }

    [Fact]
    public async Task Every_cookie_the_shop_sets_is_on_the_privacy_page()
    {
        await Client.SignInAsync(ShopApp.Account.AccountSeed.Customer);
        await Client.AddAsync(7);
        await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "true" }, "/Privacy");

        var listed = (await Client.GetPageAsync("/Privacy")).QuerySelectorAll("[data-testid=privacy-cookie]").Select(row => row.GetAttribute("data-name")).ToHashSet();

        Assert.All(Client.Cookies.Keys, name => Assert.Contains(SessionKeys.WithoutHostPrefix(name), listed));
        Assert.Contains(SessionKeys.ConsentCookie, Client.Cookies.Keys);
    }

    [Fact]
    public async Task Every_page_links_to_the_privacy_page_and_asks_until_answered()
    {
        var first = await Client.GetPageAsync("/");
        Assert.NotNull(first.QuerySelector("[data-testid=privacy-link]"));
        Assert.NotNull(first.QuerySelector("[data-testid=consent-banner]"));

        await Client.AddAsync(7);
        Assert.Single(await Client.CartAsync());
        var declined = await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "false", ["returnUrl"] = "/Products/7" });

        Assert.Equal("/Products/7", declined.RedirectTarget());
        Assert.Null((await Client.GetPageAsync("/")).QuerySelector("[data-testid=consent-banner]"));
        Assert.Single(await Client.CartAsync());
    }

    [Fact]
    public async Task Without_consent_nothing_is_stored_not_even_a_count()
    {
        await ShopAsync(Client);
        using var decliner = Factory.CreateShopClient();
        await decliner.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "false" }, "/Privacy");
        await ShopAsync(decliner);

        Assert.Equal(0, await EventCountAsync());
        Assert.DoesNotContain(SessionKeys.ConsentCookie, Client.Cookies.Keys);
    }

    [Fact]
    public async Task With_consent_page_views_and_shop_events_are_stored_under_a_random_id_with_nothing_personal()
    {
        await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "true" }, "/Privacy");
        await ShopAsync(Client);

        using var scope = Factory.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<ShopDbContext>().AnalyticsEvents.ToListAsync();
        Assert.Contains(events, e => e.Kind == AnalyticsKind.PageView && e.Path == "/Products/7");
        Assert.Contains(events, e => e.Kind == AnalyticsKind.ProductViewed && e.ProductId == 7);
        Assert.Contains(events, e => e.Kind == AnalyticsKind.AddedToCart && e.ProductId == 7);
        Assert.Single(events.Select(e => e.VisitId).Distinct());
        var visit = events[0].VisitId;
        Assert.Matches("^[0-9a-f]{32}$", visit);
        Assert.DoesNotContain(visit, string.Join("", Client.Cookies.Values));
        Assert.NotEqual(visit, ShopApp.Tests.Teaching.InspectorView.KeyOf(Factory, Client));
        // A search's text is the visitor's own: the path is kept, never the query.
        Assert.All(events, e => Assert.DoesNotContain("?", e.Path ?? ""));
    }

    [Fact]
    public async Task Withdrawing_deletes_the_grant_and_the_visits_events_and_stops_recording()
    {
        await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "true" }, "/Privacy");
        await ShopAsync(Client);
        Assert.NotEqual(0, await EventCountAsync());

        await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "false" }, "/Privacy");
        await ShopAsync(Client);

        Assert.Equal(0, await EventCountAsync());
        Assert.DoesNotContain(SessionKeys.ConsentCookie, Client.Cookies.Keys);
        Assert.Equal("false", (await Client.GetPageAsync("/Privacy")).QuerySelector("[data-testid=analytics-choice]")!.GetAttribute("data-accepted"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("maybe")]
    public async Task An_answer_that_is_neither_yes_nor_no_is_a_400(string analytics)
    {
        var response = await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = analytics }, "/Privacy");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task The_sweep_deletes_events_older_than_the_retention()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
            db.AnalyticsEvents.AddRange(
                new AnalyticsEvent { VisitId = "old", AtUtc = DateTime.UtcNow.AddDays(-31), Kind = AnalyticsKind.PageView, Culture = "en" },
                new AnalyticsEvent { VisitId = "new", AtUtc = DateTime.UtcNow.AddDays(-29), Kind = AnalyticsKind.PageView, Culture = "en" });
            await db.SaveChangesAsync();
        }

        await Factory.Services.GetRequiredService<AnalyticsSweep>().SweepAsync();

        using var check = Factory.Services.CreateScope();
        Assert.Equal(["new"], await check.ServiceProvider.GetRequiredService<ShopDbContext>().AnalyticsEvents.Select(e => e.VisitId).ToListAsync());
    }

    [Fact]
    public async Task Teaching_modes_inspector_marks_essential_and_consent_entries()
    {
        await Client.PostAsync("/Privacy?handler=Consent", new Dictionary<string, string> { ["analytics"] = "true" }, "/Privacy");
        await Client.AddAsync(7);

        var page = await Client.GetPageAsync("/Session");

        Assert.Equal("Consent", page.QuerySelector($"[data-testid=session-entry][data-key='{SessionKeys.AnalyticsId}']")!.GetAttribute("data-basis"));
        Assert.Equal("StrictlyNecessary", page.QuerySelector($"[data-testid=session-entry][data-key='{SessionKeys.Cart}']")!.GetAttribute("data-basis"));
        Assert.Equal("StrictlyNecessary", page.QuerySelector($"[data-testid=inspector-cookie][data-name='{SessionKeys.ConsentCookie}']")!.GetAttribute("data-basis"));
    }

    private static async Task ShopAsync(ShopClient client)
    {
        await client.GetPageAsync("/");
        await client.GetPageAsync("/Products/7");
        await client.GetPageAsync("/?q=notebook");
        await client.AddAsync(7);
        await client.GetPageAsync("/Cart");
    }

    private async Task<int> EventCountAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ShopDbContext>().AnalyticsEvents.CountAsync();
    }
}
