using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShopApp.Account;
using ShopApp.Analytics;
using ShopApp.Data;

namespace ShopApp.Tests.Privacy;

/// <summary>/Admin/Analytics: the funnel, abandonment, visits by language and top products, from stored events.</summary>
public sealed class AnalyticsReportTests : ShopTest
{
    [Fact]
    public async Task The_funnel_counts_visits_per_step_and_where_checkouts_stopped()
    {
        var now = DateTime.UtcNow.AddHours(-1);
        await SeedAsync(
            Visit("a", now, "en", "ProductViewed:7", "AddedToCart:7", "Shipping", "Delivery", "Payment", "Review", "OrderPlaced"),
            Visit("b", now, "en", "ProductViewed:7", "AddedToCart:7", "Shipping"),
            Visit("c", now, "fr", "ProductViewed:9"),
            Visit("d", now, "de"));
        await Client.SignInAsync(AccountSeed.Admin);

        var page = await Client.GetPageAsync("/Admin/Analytics");

        int Count(string testId, string step) => int.Parse(page.QuerySelector($"[data-testid={testId}][data-step={step}]")!.GetAttribute("data-count")!);
        Assert.Equal(4, Count("funnel-step", "Visits"));
        Assert.Equal(3, Count("funnel-step", "ProductViewed"));
        Assert.Equal(2, Count("funnel-step", "AddedToCart"));
        Assert.Equal(2, Count("funnel-step", "Shipping"));
        Assert.Equal(1, Count("funnel-step", "Review"));
        Assert.Equal(1, Count("funnel-step", "OrderPlaced"));
        Assert.Equal(1, Count("abandoned-step", "Shipping"));
        Assert.Equal(0, Count("abandoned-step", "Review"));
        Assert.Equal(["de", "en", "fr"], page.QuerySelectorAll("[data-testid=language-use]").Select(row => row.GetAttribute("data-culture")));
        Assert.Equal("7", page.QuerySelector("[data-testid=most-viewed] li")!.GetAttribute("data-product-id"));
        Assert.NotNull(page.QuerySelector("svg[data-testid=funnel-chart]"));
    }

    [Fact]
    public async Task The_period_chooses_which_events_count_and_a_bad_one_falls_back_to_30_days()
    {
        await SeedAsync(Visit("old", DateTime.UtcNow.AddDays(-10), "en"), Visit("new", DateTime.UtcNow.AddHours(-1), "en"));
        await Client.SignInAsync(AccountSeed.Admin);
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");

        var recent = await Client.GetPageAsync($"/Admin/Analytics?from={DateTime.UtcNow.AddDays(-2):yyyy-MM-dd}&to={today}");
        var bad = await Client.GetPageAsync("/Admin/Analytics?from=2026-13-45&to=yesterday");
        var backwards = await Client.GetPageAsync($"/Admin/Analytics?from={today}&to=2020-01-01");

        Assert.Equal("1", recent.QuerySelector("[data-testid=funnel-step][data-step=Visits]")!.GetAttribute("data-count"));
        Assert.Equal("2", bad.QuerySelector("[data-testid=funnel-step][data-step=Visits]")!.GetAttribute("data-count"));
        Assert.NotNull(backwards.QuerySelector("[data-testid=period-corrected]"));
    }

    [Fact]
    public async Task Only_admins_open_the_analytics()
    {
        await Client.SignInAsync(AccountSeed.CatalogManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await Client.GetAsync("/Admin/Analytics")).StatusCode);
    }

    private static IEnumerable<AnalyticsEvent> Visit(string id, DateTime start, string culture, params string[] steps)
    {
        var at = start;
        yield return new AnalyticsEvent { VisitId = id, AtUtc = at, Kind = AnalyticsKind.PageView, Path = "/", Culture = culture };
        foreach (var step in steps)
        {
            at = at.AddSeconds(30);
            var (kind, product) = step.Split(':') is [var name, var productId] ? (Enum.Parse<AnalyticsKind>(name), int.Parse(productId)) : (Enum.TryParse<AnalyticsKind>(step, out var parsed) ? parsed : AnalyticsKind.CheckoutStep, (int?)null);
            yield return new AnalyticsEvent
            {
                VisitId = id, AtUtc = at, Kind = kind, ProductId = product, Culture = culture,
                Step = kind == AnalyticsKind.CheckoutStep ? step : null,
            };
        }
    }

    private async Task SeedAsync(params IEnumerable<AnalyticsEvent>[] visits)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        db.AnalyticsEvents.AddRange(visits.SelectMany(v => v));
        await db.SaveChangesAsync();
    }
}
