using System.Text;
using ShopApp.Cart;

namespace ShopApp.Tests.Cart;

/// <summary>The cart's stored JSON: what the session holds, and what a damaged or foreign value reads as.</summary>
public sealed class CartSessionTests
{
    private static Dictionary<int, int> Lines(ShopApp.Cart.Cart cart) => cart.Lines.ToDictionary(l => l.ProductId, l => l.Quantity);

    [Fact]
    public void A_stored_cart_reads_back_line_for_line()
    {
        var cart = CartSession.Parse("""{"lines":[{"productId":7,"quantity":2},{"productId":1,"quantity":99}]}""");

        Assert.Equal([7, 1], cart.Lines.Select(l => l.ProductId));
        Assert.Equal(new Dictionary<int, int> { [7] = 2, [1] = 99 }, Lines(cart));
    }

    [Fact]
    public void Stored_bytes_and_stored_text_read_the_same()
    {
        const string json = """{"lines":[{"productId":3,"quantity":1}]}""";

        Assert.Equal(Lines(CartSession.Parse(json)), Lines(CartSession.Parse(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Lines_that_break_the_rules_are_dropped_and_a_repeated_product_keeps_its_first_line()
    {
        var cart = CartSession.Parse("""
            {"lines":[null,{"productId":0,"quantity":1},{"productId":2,"quantity":0},{"productId":4,"quantity":100},
                      {"productId":5,"quantity":3},{"productId":5,"quantity":9}]}
            """);

        Assert.Equal(new Dictionary<int, int> { [5] = 3 }, Lines(cart));
    }

    [Fact]
    public void No_more_than_the_line_limit_is_read()
    {
        var json = "{\"lines\":[" + string.Join(",", Enumerable.Range(1, 60).Select(i => $$"""{"productId":{{i}},"quantity":1}""")) + "]}";

        Assert.Equal(ShopApp.Cart.Cart.MaxLines, CartSession.Parse(json).Lines.Count);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"lines":"many"}""")]
    [InlineData("[1,2]")]
    public void A_value_that_is_not_a_cart_reads_as_an_empty_cart(string json)
    {
        Assert.True(CartSession.Parse(json).IsEmpty);
    }
}
