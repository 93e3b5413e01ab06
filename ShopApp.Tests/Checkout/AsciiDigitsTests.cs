using ShopApp.Checkout;

namespace ShopApp.Tests.Checkout;

/// <summary>Card expiry and postal code take ASCII digits only; other scripts' digits are refused, never a crash.</summary>
public sealed class AsciiDigitsTests
{
    [Theory]
    [InlineData("０８/２９")]
    [InlineData("٠٨/٢٩")]
    [InlineData("0x/29")]
    [InlineData("+8/29")]
    [InlineData("8/2e1")]
    public void An_expiry_in_other_digits_is_not_a_month(string expiry)
    {
        Assert.Null(PaymentCard.ParseExpiry(expiry));
    }

    [Fact]
    public void An_expiry_in_ascii_digits_is_still_read()
    {
        Assert.Equal((8, 2029), PaymentCard.ParseExpiry(" 08 / 29 "));
    }

    [Theory]
    [InlineData("DE", "１０１１５")]
    [InlineData("DE", "١٠١١٥")]
    [InlineData("AT", "+101")]
    [InlineData("NL", "１０１２ AB")]
    public void A_postal_code_in_other_digits_is_not_valid(string country, string postalCode)
    {
        Assert.False(Countries.Find(country)!.IsValidPostalCode(postalCode));
    }
}
