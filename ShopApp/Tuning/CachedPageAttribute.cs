namespace ShopApp.Tuning;

/// <summary>
/// Marks a page whose whole HTML may be served from <see cref="PageCache"/> (see there for what a page must hold
/// to qualify). The page's address and language are always part of the cache key; these properties add what of
/// the visitor's cart the page shows beyond the item count in the header.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CachedPageAttribute : Attribute
{
    /// <summary>The route value naming a product whose quantity in the cart the page shows ("You have 2 of these").</summary>
    public string? CartQuantityOfRouteValue { get; init; }

    /// <summary>
    /// The page shows every line of the cart (the cart page): the lines and their quantities join the key, so the
    /// page is shared by visitors whose carts hold the same, and a visitor's own cart seen again is not rendered again.
    /// </summary>
    public bool ShowsCartLines { get; init; }

    /// <summary>A query parameter that makes the page the visitor's own when present (a search): not cached then.</summary>
    public string? NotWithQuery { get; init; }
}
