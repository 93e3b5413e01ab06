namespace ShopApp.Cart;

/// <summary>
/// What a shopper intends to buy: product ids and quantities, nothing else. Prices are never kept here; they
/// are read from the database whenever the cart is shown or charged (see <see cref="PricedCart"/>).
/// Every change either succeeds completely or leaves the cart exactly as it was.
/// </summary>
public sealed class Cart
{
    public const int MaxQuantityPerLine = 99;

    /// <summary>Keeps the session value small however a client behaves.</summary>
    public const int MaxLines = 50;

    private readonly List<CartLine> _lines;

    public Cart() : this([]) { }

    public Cart(IEnumerable<CartLine> lines) => _lines = [.. lines];

    public IReadOnlyList<CartLine> Lines => _lines;

    public int ItemCount => _lines.Sum(l => l.Quantity);

    public bool IsEmpty => _lines.Count == 0;

    public int QuantityOf(int productId) => Find(productId)?.Quantity ?? 0;

    /// <summary>Adds to the line of this product, or starts one. <paramref name="stock"/> is what the shop holds now.</summary>
    public CartResult Add(int productId, int quantity, int stock)
    {
        if (quantity is < 1 or > MaxQuantityPerLine)
        {
            return CartResult.QuantityOutOfRange;
        }

        var line = Find(productId);
        if (line is null && _lines.Count >= MaxLines)
        {
            return CartResult.TooManyLines;
        }

        var newQuantity = (line?.Quantity ?? 0) + quantity;
        var problem = CheckLimits(newQuantity, stock);
        if (problem != CartResult.Ok)
        {
            return problem;
        }

        if (line is null)
        {
            _lines.Add(new CartLine(productId, newQuantity));
        }
        else
        {
            _lines[_lines.IndexOf(line)] = line with { Quantity = newQuantity };
        }
        return CartResult.Ok;
    }

    /// <summary>Sets the quantity of a line already in the cart. Removing is its own action, so 0 is refused.</summary>
    public CartResult SetQuantity(int productId, int quantity, int stock)
    {
        var line = Find(productId);
        if (line is null)
        {
            return CartResult.NotInCart;
        }
        if (quantity is < 1 or > MaxQuantityPerLine)
        {
            return CartResult.QuantityOutOfRange;
        }

        var problem = CheckLimits(quantity, stock);
        if (problem != CartResult.Ok)
        {
            return problem;
        }

        _lines[_lines.IndexOf(line)] = line with { Quantity = quantity };
        return CartResult.Ok;
    }

    public CartResult Remove(int productId)
    {
        var line = Find(productId);
        if (line is null)
        {
            return CartResult.NotInCart;
        }
        _lines.Remove(line);
        return CartResult.Ok;
    }

    public void Clear() => _lines.Clear();

    private static CartResult CheckLimits(int quantity, int stock) => quantity switch
    {
        > MaxQuantityPerLine => CartResult.AboveLineLimit,
        _ when quantity > stock => CartResult.AboveStock,
        _ => CartResult.Ok,
    };

    private CartLine? Find(int productId) => _lines.Find(l => l.ProductId == productId);
}

public sealed record CartLine(int ProductId, int Quantity);

public enum CartResult
{
    Ok,
    QuantityOutOfRange,
    AboveLineLimit,
    AboveStock,
    TooManyLines,
    NotInCart,
    /// <summary>The product was hidden from the catalog: it may leave a cart, not enter one or change quantity.</summary>
    Unavailable,
}
