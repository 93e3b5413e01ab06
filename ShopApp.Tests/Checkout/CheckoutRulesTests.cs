using ShopApp.Checkout;
using ShopApp.Orders;

namespace ShopApp.Tests.Checkout;

public sealed class CheckoutProgressTests
{
    private static readonly ShippingAddress Address = new()
    {
        FullName = "Ana", AddressLine1 = "1 Main St", City = "Paris", PostalCode = "75001", CountryCode = "FR", Phone = "0123456789",
    };

    [Fact]
    public void A_new_checkout_starts_at_shipping_and_can_open_nothing_else()
    {
        var progress = new CheckoutProgress();

        Assert.Equal(CheckoutStep.Shipping, progress.FirstIncomplete);
        Assert.True(progress.CanOpen(CheckoutStep.Shipping));
        Assert.False(progress.CanOpen(CheckoutStep.Delivery));
        Assert.False(progress.CanOpen(CheckoutStep.Review));
    }

    [Fact]
    public void Each_finished_step_opens_the_next_and_keeps_the_earlier_ones_open()
    {
        var progress = new CheckoutProgress { Shipping = Address, Delivery = DeliveryMethod.Standard };

        Assert.Equal(CheckoutStep.Payment, progress.FirstIncomplete);
        Assert.True(progress.CanOpen(CheckoutStep.Shipping));
        Assert.True(progress.CanOpen(CheckoutStep.Payment));
        Assert.False(progress.CanOpen(CheckoutStep.Review));
    }

    [Fact]
    public void With_every_step_done_the_review_is_next_even_after_editing_an_earlier_step()
    {
        var progress = new CheckoutProgress { Shipping = Address, Delivery = DeliveryMethod.Express, Card = new CardOnFile("Visa", "4242") };

        Assert.Equal(CheckoutStep.Review, progress.After(CheckoutStep.Shipping));
        Assert.True(progress.CanOpen(CheckoutStep.Review));
    }

    [Fact]
    public void A_step_done_out_of_order_does_not_open_the_review()
    {
        // A card without an address (say, a session edited by hand) still starts at shipping.
        var progress = new CheckoutProgress { Card = new CardOnFile("Visa", "4242") };

        Assert.Equal(CheckoutStep.Shipping, progress.FirstIncomplete);
        Assert.False(progress.CanOpen(CheckoutStep.Review));
    }
}

public sealed class OrderTotalsTests
{
    private static readonly Country France = Countries.Find("FR")!;

    [Fact]
    public void Standard_delivery_costs_until_the_subtotal_reaches_fifty_euros()
    {
        Assert.Equal(4.90m, OrderTotals.For([(49.99m, 1)], DeliveryMethod.Standard, France).Delivery);
        Assert.Equal(0m, OrderTotals.For([(25m, 2)], DeliveryMethod.Standard, France).Delivery);
        Assert.Equal(9.90m, OrderTotals.For([(25m, 2)], DeliveryMethod.Express, France).Delivery);
    }

    [Fact]
    public void The_total_is_subtotal_plus_delivery_in_exact_decimals()
    {
        var totals = OrderTotals.For([(0.10m, 3), (12.50m, 2), (49.90m, 1)], DeliveryMethod.Express, France);

        Assert.Equal(75.20m, totals.Subtotal);
        Assert.Equal(85.10m, totals.Total);
    }

    [Theory]
    [InlineData("FR", 120.00, 20.00)]
    [InlineData("DE", 119.00, 19.00)]
    [InlineData("LU", 117.00, 17.00)]
    [InlineData("IE", 10.00, 1.87)]
    [InlineData("FR", 0.05, 0.01)]
    public void The_vat_is_the_destination_countrys_share_of_the_total_rounded_to_the_cent(string country, decimal total, decimal vat)
    {
        var totals = new OrderTotals(total, 0m, Countries.Find(country)!.VatRate);

        Assert.Equal(vat, totals.Vat);
    }
}

public sealed class PaymentCardTests
{
    [Theory]
    [InlineData("4242424242424242")]
    [InlineData("5555555555554444")]
    [InlineData("378282246310005")]
    [InlineData("79927398713")]
    public void Valid_numbers_pass_the_luhn_check(string number) => Assert.True(PaymentCard.PassesLuhn(number));

    [Theory]
    [InlineData("4242424242424241")]
    [InlineData("79927398710")]
    [InlineData("")]
    [InlineData("42a2")]
    public void Invalid_numbers_fail_the_luhn_check(string number) => Assert.False(PaymentCard.PassesLuhn(number));

    [Theory]
    [InlineData("4242 4242 4242 4242", "4242424242424242")]
    [InlineData("4242-4242-4242-4242", "4242424242424242")]
    [InlineData("4242 4242 4242 424x", null)]
    [InlineData("42424242424", null)]
    [InlineData("42424242424242424242", null)]
    [InlineData("", null)]
    public void A_number_may_be_typed_with_spaces_or_dashes_and_nothing_else(string typed, string? digits) =>
        Assert.Equal(digits, PaymentCard.Digits(typed));

    [Theory]
    [InlineData("4242424242424242", "Visa")]
    [InlineData("5555555555554444", "Mastercard")]
    [InlineData("2223003122003222", "Mastercard")]
    [InlineData("378282246310005", "American Express")]
    [InlineData("6011111111111117", "Card")]
    public void The_brand_comes_from_the_first_digits(string digits, string brand) => Assert.Equal(brand, PaymentCard.BrandOf(digits));

    [Fact]
    public void Only_brand_and_last_four_digits_are_kept()
    {
        Assert.Equal(new CardOnFile("Visa", "4242"), CardOnFile.From("4242424242424242"));
        Assert.Equal(2, typeof(CardOnFile).GetProperties().Length);
    }

    [Theory]
    [InlineData("08/29", 8, 2029)]
    [InlineData("8/2029", 8, 2029)]
    [InlineData(" 12 / 30 ", 12, 2030)]
    public void An_expiry_is_read_as_month_and_year(string typed, int month, int year) =>
        Assert.Equal((month, year), PaymentCard.ParseExpiry(typed));

    [Theory]
    [InlineData("13/29")]
    [InlineData("00/29")]
    [InlineData("0829")]
    [InlineData("soon")]
    [InlineData(null)]
    public void Anything_else_is_not_an_expiry(string? typed) => Assert.Null(PaymentCard.ParseExpiry(typed));

    [Fact]
    public void A_card_is_good_until_the_end_of_its_expiry_month()
    {
        var today = new DateOnly(2026, 11, 30);

        Assert.False(PaymentCard.IsExpired((11, 2026), today));
        Assert.True(PaymentCard.IsExpired((10, 2026), today));
        Assert.True(PaymentCard.IsExpired((12, 2025), today));
        Assert.False(PaymentCard.IsExpired((1, 2027), today));
    }
}

public sealed class CountriesAndDeliveryTests
{
    [Theory]
    [InlineData("FR", "75002", true)]
    [InlineData("FR", "7500", false)]
    [InlineData("DE", "10115", true)]
    [InlineData("AT", "1010", true)]
    [InlineData("NL", "1012ab", true)]
    [InlineData("NL", "0123 AB", false)]
    [InlineData("PT", "1000-001", true)]
    [InlineData("PT", "1000001", false)]
    [InlineData("IE", "d02x285", true)]
    [InlineData("IE", "D02", false)]
    [InlineData("LU", "L-1111", true)]
    public void Postal_codes_are_checked_against_the_countrys_shape(string country, string postalCode, bool valid) =>
        Assert.Equal(valid, Countries.Find(country)!.IsValidPostalCode(postalCode));

    [Fact]
    public void Postal_codes_are_written_the_way_the_country_writes_them()
    {
        Assert.Equal("1012 AB", Countries.Find("NL")!.NormalizePostalCode(" 1012ab "));
        Assert.Equal("D02 X285", Countries.Find("IE")!.NormalizePostalCode("d02x285"));
    }

    [Fact]
    public void Only_listed_countries_are_found() => Assert.Null(Countries.Find("XX"));

    [Theory]
    [InlineData("2026-11-20", 1, "2026-11-23")] // Friday → Monday
    [InlineData("2026-11-21", 1, "2026-11-23")] // Saturday → Monday
    [InlineData("2026-11-23", 3, "2026-11-26")]
    [InlineData("2026-11-23", 5, "2026-11-30")]
    public void Delivery_counts_working_days(string from, int days, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DeliveryRules.AddWorkingDays(DateOnly.Parse(from), days));

    [Fact]
    public void Order_numbers_are_readable_and_recognised()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => OrderNumbers.New()).ToList();

        Assert.All(numbers, n => Assert.True(OrderNumbers.IsWellFormed(n), n));
        Assert.All(numbers, n => Assert.Matches("^SA-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", n));
        Assert.False(OrderNumbers.IsWellFormed("SA-0000-0000"));
        Assert.False(OrderNumbers.IsWellFormed("<script>"));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }
}
