using ShopApp.Cart;

namespace ShopApp.Tests.Cart;

public class PricedCartTests
{
    [Fact]
    public void Totals_are_exact_in_decimal()
    {
        // 0.1 + 0.2 is not 0.3 in binary floating point; in euros it must be.
        var cart = new PricedCart([
            new PricedCartLine(1, "A", "/a.svg", 0.10m, 3, 10),
            new PricedCartLine(2, "B", "/b.svg", 0.20m, 1, 10),
            new PricedCartLine(3, "C", "/c.svg", 19.95m, 3, 10),
        ]);

        Assert.Equal(0.30m, cart.Lines[0].LineTotal);
        Assert.Equal(60.35m, cart.Subtotal);
        Assert.Equal(7, cart.ItemCount);
    }
}
