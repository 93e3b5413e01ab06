using ShopApp.Teaching;

namespace ShopApp.Tests.Teaching;

public sealed class SessionInspectorTests
{
    [Theory]
    [InlineData("4242424242424242", "•••• 4242")]
    [InlineData("4242 4242 4242 4242", "•••• 4242")]
    [InlineData("5555-5555-5555-4444", "•••• 4444")]
    [InlineData("card 378282246310005 on file", "card •••• 0005 on file")]
    public void A_card_number_shows_only_its_last_four_digits(string text, string shown) =>
        Assert.Equal(shown, SessionInspector.MaskCardNumbers(text));

    [Theory]
    [InlineData("""{"productId": 3, "quantity": 12}""")]
    [InlineData("2026-11-22T09:00:00Z")]
    [InlineData("SA-7K2P-9QXM")]
    [InlineData("12345678901")]
    public void Values_that_are_not_card_numbers_stay_as_they_are(string text) =>
        Assert.Equal(text, SessionInspector.MaskCardNumbers(text));

    [Fact]
    public void A_card_number_inside_a_json_entry_is_masked()
    {
        var shown = SessionInspector.Show("""{"card":"4111111111111111","brand":"Visa"}"""u8.ToArray());

        Assert.DoesNotContain("4111111111111111", shown);
        Assert.Contains("•••• 1111", shown);
    }

    [Fact]
    public void Json_is_indented_and_plain_text_shown_as_a_json_string()
    {
        Assert.Equal("{\n  \"a\": 1\n}", SessionInspector.Show("""{"a":1}"""u8.ToArray()).ReplaceLineEndings("\n"));
        Assert.Equal("\"fr\"", SessionInspector.Show("fr"u8.ToArray()));
        Assert.Equal("<2 bytes>", SessionInspector.Show([0xC3, 0x28]));
    }
}
