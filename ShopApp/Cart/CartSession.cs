using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShopApp.Sessions;

namespace ShopApp.Cart;

/// <summary>
/// The one way into the cart held in session. It owns the session key and the JSON shape; pages ask it for a
/// <see cref="Cart"/> and hand the changed cart back.
/// </summary>
public sealed class CartSession(IHttpContextAccessor httpContextAccessor, ILogger<CartSession> logger)
{
    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The cart is only available during a request.");

    public async Task<Cart> GetAsync(CancellationToken cancellationToken = default)
    {
        // Loading first keeps the read asynchronous when the store is out of process.
        await Session.LoadAsync(cancellationToken);
        // The stored bytes are UTF-8 JSON (what ISession.SetString would store): read as they are, not as a string.
        return Session.TryGetValue(SessionKeys.Cart, out var json) ? Parse(json, logger) : new Cart();
    }

    /// <summary>
    /// The cart in a stored value (a session listed on the teaching dashboard). Lines that break the cart's rules
    /// are dropped, and a value that is not a cart reads as an empty one.
    /// </summary>
    public static Cart Parse(string? json, ILogger? logger = null) =>
        json is null ? new Cart() : Parse(Encoding.UTF8.GetBytes(json), logger);

    /// <summary>The cart in stored UTF-8 JSON, under the same rules as <see cref="Parse(string?, ILogger?)"/>.</summary>
    public static Cart Parse(ReadOnlySpan<byte> json, ILogger? logger = null)
    {
        StoredCart? stored;
        try
        {
            stored = JsonSerializer.Deserialize(json, CartJson.Default.StoredCart);
        }
        catch (JsonException exception)
        {
            // A value written by an older shape of the cart is dropped rather than failing every page.
            logger?.LogWarning(exception, "Discarding a cart whose stored value could not be read.");
            return new Cart();
        }

        var lines = new List<CartLine>(stored?.Lines?.Count ?? 0);
        foreach (var line in stored?.Lines ?? [])
        {
            if (line is { ProductId: > 0, Quantity: > 0 and <= Cart.MaxQuantityPerLine } && !Contains(lines, line.ProductId))
            {
                lines.Add(new CartLine(line.ProductId, line.Quantity));
                if (lines.Count == Cart.MaxLines)
                {
                    break;
                }
            }
        }
        return new Cart(lines);
    }

    public async Task SaveAsync(Cart cart, CancellationToken cancellationToken = default)
    {
        if (cart.IsEmpty)
        {
            Session.Remove(SessionKeys.Cart);
        }
        else
        {
            var stored = new StoredCart { Lines = [.. cart.Lines.Select(l => new StoredLine { ProductId = l.ProductId, Quantity = l.Quantity })] };
            Session.Set(SessionKeys.Cart, JsonSerializer.SerializeToUtf8Bytes(stored, CartJson.Default.StoredCart));
        }
        await Session.CommitAsync(cancellationToken);
    }

    private static bool Contains(List<CartLine> lines, int productId)
    {
        foreach (var line in lines)
        {
            if (line.ProductId == productId)
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>The cart's stored shape: <c>{"lines":[{"productId":7,"quantity":2}]}</c>.</summary>
internal sealed class StoredCart
{
    public List<StoredLine?>? Lines { get; set; }
}

/// <summary>
/// One stored line. Settable properties (here and on <see cref="StoredCart"/>) rather than <see cref="CartLine"/>'s
/// constructor: the serializer fills an object through a constructor with parameters more slowly, and every cart
/// page and change reads every line (docs/PERFORMANCE.md has the measurement).
/// </summary>
internal sealed class StoredLine
{
    public int ProductId { get; set; }

    public int Quantity { get; set; }
}

/// <summary>The cart's JSON, generated at build time (camelCase names, as the web defaults write them).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoredCart))]
internal sealed partial class CartJson : JsonSerializerContext;
