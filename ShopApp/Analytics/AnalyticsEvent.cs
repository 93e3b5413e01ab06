namespace ShopApp.Analytics;

public enum AnalyticsKind
{
    PageView,
    ProductViewed,
    AddedToCart,
    CheckoutStep,
    OrderPlaced,
}

/// <summary>
/// One thing a consenting visitor did, under their visit's random analytics id. No IP address, no user id, no e-mail,
/// no session id: nothing here leads back to a person. Deleted after <c>Analytics:RetentionDays</c>.
/// </summary>
public class AnalyticsEvent
{
    public long Id { get; set; }

    /// <summary>Random, kept in the visitor's session (<c>SessionKeys.AnalyticsId</c>).</summary>
    public required string VisitId { get; set; }

    public DateTime AtUtc { get; set; }

    public AnalyticsKind Kind { get; set; }

    /// <summary>The page's path for a page view (never its query string: searches stay private).</summary>
    public string? Path { get; set; }

    public int? ProductId { get; set; }

    /// <summary>For <see cref="AnalyticsKind.CheckoutStep"/>: Shipping, Delivery, Payment or Review.</summary>
    public string? Step { get; set; }

    /// <summary>The language the page was shown in.</summary>
    public required string Culture { get; set; }
}
