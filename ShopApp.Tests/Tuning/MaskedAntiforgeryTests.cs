using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

public sealed class MaskedAntiforgeryTests
{
    private const string Token = "CfDJ8HgF39pODzhHubbcUF098VEkkcwy0ugL6qeNVGIpXJQqTc0hZkeE_saIGpR9B1a39jDOqPjxPRv";

    [Fact]
    public void A_masked_token_unmasks_to_the_token()
    {
        var masked = MaskedAntiforgery.Mask(Token);

        Assert.Equal(Token, MaskedAntiforgery.Unmask(masked));
    }

    [Fact]
    public void The_same_token_masked_twice_shares_no_text()
    {
        var first = MaskedAntiforgery.Mask(Token);
        var second = MaskedAntiforgery.Mask(Token);

        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Token[..8], first);
        Assert.DoesNotContain(Token[..8], second);
    }

    [Theory]
    [InlineData(Token)] // a plain token: passed on as it is
    [InlineData(".abc")]
    [InlineData("abc.")]
    [InlineData("AAAA.AAAAAAAA")] // pad and token of different lengths
    [InlineData("!!!!.AAAA")] // not Base64Url
    public void Anything_but_a_well_formed_masked_token_is_left_for_the_framework(string value)
    {
        Assert.Null(MaskedAntiforgery.Unmask(value));
    }
}
