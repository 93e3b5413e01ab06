using Microsoft.EntityFrameworkCore;
using ShopApp.Catalog;
using ShopApp.Data;

namespace ShopApp.Analytics;

/// <summary>One step of the funnel: how many visits reached it, and the share of the step before that went on to it.</summary>
public sealed record FunnelStep(string Step, int Visits, double? FromPrevious);

/// <summary>Visits whose furthest step was this one, and which ended there without an order.</summary>
public sealed record Abandonment(string Step, int Visits);

public sealed record LanguageUse(string Culture, int Visits, TimeSpan MedianLength, double PagesPerVisit);

public sealed record ProductCount(int ProductId, string Name, int Count);

public sealed record AnalyticsSummary(
    IReadOnlyList<FunnelStep> Funnel,
    IReadOnlyList<Abandonment> Abandoned,
    IReadOnlyList<LanguageUse> Languages,
    IReadOnlyList<ProductCount> MostViewed,
    IReadOnlyList<ProductCount> MostAdded);

/// <summary>
/// What /Admin/Analytics shows for a period, made from the events of that period. The events are read once and
/// grouped per visit in memory: 30 days of a small shop's visits, and every figure needs the visit's whole path.
/// </summary>
public sealed class AnalyticsReport(ShopDbContext db)
{
    public static readonly string[] Steps = ["Visits", "ProductViewed", "AddedToCart", "Shipping", "Delivery", "Payment", "Review", "OrderPlaced"];

    public async Task<AnalyticsSummary> ForAsync(DateTime fromUtc, DateTime toUtc, string culture, CancellationToken cancellationToken = default)
    {
        var events = await db.Set<AnalyticsEvent>().AsNoTracking()
            .Where(e => e.AtUtc >= fromUtc && e.AtUtc < toUtc)
            .Select(e => new { e.VisitId, e.AtUtc, e.Kind, e.ProductId, e.Step, e.Culture })
            .ToListAsync(cancellationToken);
        var visits = events.GroupBy(e => e.VisitId).Select(v => new
        {
            Reached = v.Select(e => e.Kind switch
            {
                AnalyticsKind.CheckoutStep => e.Step!,
                AnalyticsKind.PageView => "Visits",
                _ => e.Kind.ToString(),
            }).Append("Visits").ToHashSet(),
            Culture = v.GroupBy(e => e.Culture).OrderByDescending(g => g.Count()).First().Key,
            Length = v.Max(e => e.AtUtc) - v.Min(e => e.AtUtc),
            Pages = v.Count(e => e.Kind == AnalyticsKind.PageView),
        }).ToList();

        var funnel = new List<FunnelStep>();
        foreach (var step in Steps)
        {
            var count = visits.Count(v => v.Reached.Contains(step));
            // No share after a step nobody reached: a zero share would claim a conversion that was never measured.
            funnel.Add(new FunnelStep(step, count, funnel.Count == 0 || funnel[^1].Visits == 0 ? null : (double)count / funnel[^1].Visits));
        }
        // A checkout abandoned at a step: that step was the furthest the visit reached, and no order followed.
        string[] checkout = ["AddedToCart", "Shipping", "Delivery", "Payment", "Review"];
        var abandoned = checkout.Select(step => new Abandonment(step, visits.Count(v =>
            !v.Reached.Contains("OrderPlaced") && v.Reached.Contains(step) && checkout.SkipWhile(s => s != step).Skip(1).All(later => !v.Reached.Contains(later))))).ToList();

        var languages = visits.GroupBy(v => v.Culture).OrderBy(g => g.Key).Select(g => new LanguageUse(g.Key, g.Count(),
            Median(g.Select(v => v.Length)), g.Average(v => v.Pages))).ToList();

        var names = await db.Products.AsNoTracking().InLanguage(culture).Select(p => new { p.Id, p.Name }).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        List<ProductCount> Top(AnalyticsKind kind) => [.. events.Where(e => e.Kind == kind && e.ProductId is not null)
            .GroupBy(e => e.ProductId!.Value).Select(g => new ProductCount(g.Key, names.GetValueOrDefault(g.Key, $"#{g.Key}"), g.Count()))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Name).Take(5)];
        return new AnalyticsSummary(funnel, abandoned, languages, Top(AnalyticsKind.ProductViewed), Top(AnalyticsKind.AddedToCart));
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> lengths)
    {
        var sorted = lengths.Order().ToList();
        return sorted.Count == 0 ? TimeSpan.Zero
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
