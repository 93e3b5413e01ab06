using System.Text.Json;
using ShopApp.Sessions;

namespace ShopApp.Cart;

/// <summary>
/// The one way into the cart held in session. It owns the session key and the JSON shape; pages ask it for a
/// <see cref="Cart"/> and hand the changed cart back.
/// </summary>
public sealed class CartSession(IHttpContextAccessor httpContextAccessor, ILogger<CartSession> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The cart is only available during a request.");

    public async Task<Cart> GetAsync(CancellationToken cancellationToken = default)
    {
        // Loading first keeps the read asynchronous when the store is out of process.
        await Session.LoadAsync(cancellationToken);
        return Parse(Session.GetString(SessionKeys.Cart), logger);
    }

    /// <summary>
    /// The cart in a stored value (this request's, or a session listed on the teaching dashboard). Lines that
    /// break the cart's rules are dropped, and a value that is not a cart reads as an empty one.
    /// </summary>
    public static Cart Parse(string? json, ILogger? logger = null)
    {
        if (json is null)
        {
            return new Cart();
        }

        try
        {
            var stored = JsonSerializer.Deserialize<StoredCart>(json, Json);
            var lines = stored?.Lines?
                .Where(l => l.ProductId > 0 && l.Quantity is > 0 and <= Cart.MaxQuantityPerLine)
                .DistinctBy(l => l.ProductId)
                .Take(Cart.MaxLines) ?? [];
            return new Cart(lines);
        }
        catch (JsonException exception)
        {
            // A value written by an older shape of the cart is dropped rather than failing every page.
            logger?.LogWarning(exception, "Discarding a cart whose stored value could not be read.");
            return new Cart();
        }
    }

    public async Task SaveAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        if (cart.IsEmpty)
        {
            Session.Remove(SessionKeys.Cart);
        }
        else
        {
            Session.SetString(SessionKeys.Cart, JsonSerializer.Serialize(new StoredCart([.. cart.Lines]), Json));
        }
        await Session.CommitAsync(cancellationToken);
    }

    private sealed record StoredCart(List<CartLine>? Lines);
}
