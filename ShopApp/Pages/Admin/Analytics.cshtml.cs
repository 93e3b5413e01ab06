using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Analytics;
using ShopApp.Localization;

namespace ShopApp.Pages.Admin;

/// <summary>
/// <c>/Admin/Analytics</c>: the consenting visitors' funnel for a period (<c>?from=</c> and <c>?to=</c>, dates, the
/// last 30 days by default), where checkouts were abandoned, visit length by language, and the top products.
/// </summary>
public class AnalyticsModel(AnalyticsReport report, TimeProvider time) : PageModel
{
    public DateOnly From { get; private set; }

    public DateOnly To { get; private set; }

    public bool PeriodCorrected { get; private set; }

    public AnalyticsSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(string? from, string? to, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        To = Parse(to) ?? today;
        From = Parse(from) ?? To.AddDays(-29);
        // A period that ends before it starts, or spans more than a year, is read as the 30 days up to its end.
        if (From > To || To.DayNumber - From.DayNumber > 366)
        {
            PeriodCorrected = true;
            From = To.AddDays(-29);
        }
        Summary = await report.ForAsync(From.ToDateTime(TimeOnly.MinValue), To.AddDays(1).ToDateTime(TimeOnly.MinValue), Languages.Current, cancellationToken);
    }

    private static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
