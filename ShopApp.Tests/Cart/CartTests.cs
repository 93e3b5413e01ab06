namespace ShopApp.Tests.Cart;

using Cart = ShopApp.Cart.Cart;
using CartResult = ShopApp.Cart.CartResult;

public class CartTests
{
    [Fact]
    public void Adding_the_same_product_twice_merges_the_lines()
    {
        var cart = new Cart();

        cart.Add(productId: 7, quantity: 2, stock: 10);
        var result = cart.Add(productId: 7, quantity: 3, stock: 10);

        Assert.Equal(CartResult.Ok, result);
        var line = Assert.Single(cart.Lines);
        Assert.Equal(5, line.Quantity);
    }

    [Fact]
    public void Item_count_is_the_sum_of_quantities()
    {
        var cart = new Cart();
        cart.Add(1, 2, stock: 10);
        cart.Add(2, 3, stock: 10);

        Assert.Equal(5, cart.ItemCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100)]
    public void Adding_a_quantity_outside_1_to_99_is_refused_and_changes_nothing(int quantity)
    {
        var cart = new Cart();
        cart.Add(1, 2, stock: 500);

        var result = cart.Add(1, quantity, stock: 500);

        Assert.Equal(CartResult.QuantityOutOfRange, result);
        Assert.Equal(2, cart.QuantityOf(1));
    }

    [Fact]
    public void Adding_beyond_99_in_one_line_is_refused()
    {
        var cart = new Cart();
        cart.Add(1, 60, stock: 500);

        var result = cart.Add(1, 40, stock: 500);

        Assert.Equal(CartResult.AboveLineLimit, result);
        Assert.Equal(60, cart.QuantityOf(1));
    }

    [Fact]
    public void Adding_more_than_the_stock_counts_what_is_already_in_the_cart()
    {
        var cart = new Cart();
        cart.Add(3, 2, stock: 3);

        var result = cart.Add(3, 2, stock: 3);

        Assert.Equal(CartResult.AboveStock, result);
        Assert.Equal(2, cart.QuantityOf(3));
    }

    [Fact]
    public void An_out_of_stock_product_cannot_be_added()
    {
        var cart = new Cart();

        Assert.Equal(CartResult.AboveStock, cart.Add(6, 1, stock: 0));
        Assert.True(cart.IsEmpty);
    }

    [Fact]
    public void A_new_line_beyond_the_line_limit_is_refused_but_existing_lines_still_grow()
    {
        var cart = new Cart();
        for (var id = 1; id <= Cart.MaxLines; id++)
        {
            cart.Add(id, 1, stock: 10);
        }

        Assert.Equal(CartResult.TooManyLines, cart.Add(Cart.MaxLines + 1, 1, stock: 10));
        Assert.Equal(CartResult.Ok, cart.Add(1, 1, stock: 10));
        Assert.Equal(Cart.MaxLines, cart.Lines.Count);
    }

    [Fact]
    public void Setting_a_quantity_replaces_it_rather_than_adding()
    {
        var cart = new Cart();
        cart.Add(1, 4, stock: 10);

        Assert.Equal(CartResult.Ok, cart.SetQuantity(1, 2, stock: 10));
        Assert.Equal(2, cart.QuantityOf(1));
    }

    [Theory]
    [InlineData(0, CartResult.QuantityOutOfRange)]
    [InlineData(100, CartResult.QuantityOutOfRange)]
    [InlineData(11, CartResult.AboveStock)]
    public void Setting_a_bad_quantity_keeps_the_old_one(int quantity, CartResult expected)
    {
        var cart = new Cart();
        cart.Add(1, 4, stock: 10);

        Assert.Equal(expected, cart.SetQuantity(1, quantity, stock: 10));
        Assert.Equal(4, cart.QuantityOf(1));
    }

    [Fact]
    public void Changing_a_product_that_is_not_in_the_cart_says_so()
    {
        var cart = new Cart();

        Assert.Equal(CartResult.NotInCart, cart.SetQuantity(1, 1, stock: 10));
        Assert.Equal(CartResult.NotInCart, cart.Remove(1));
    }

    [Fact]
    public void Removing_a_line_keeps_the_others_in_order()
    {
        var cart = new Cart();
        cart.Add(1, 1, stock: 10);
        cart.Add(2, 1, stock: 10);
        cart.Add(3, 1, stock: 10);

        cart.Remove(2);

        Assert.Equal([1, 3], cart.Lines.Select(l => l.ProductId));
    }

    [Fact]
    public void Clearing_empties_the_cart()
    {
        var cart = new Cart();
        cart.Add(1, 1, stock: 10);

        cart.Clear();

        Assert.True(cart.IsEmpty);
        Assert.Equal(0, cart.ItemCount);
    }
}
