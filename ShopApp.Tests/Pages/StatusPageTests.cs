using System.Net;

namespace ShopApp.Tests.Pages;

public sealed class StatusPageTests : ShopTest
{
    [Theory]
    [InlineData(400, HttpStatusCode.BadRequest)]
    [InlineData(403, HttpStatusCode.Forbidden)]
    [InlineData(404, HttpStatusCode.NotFound)]
    public async Task Visiting_a_status_page_directly_answers_with_that_status(int code, HttpStatusCode expected)
    {
        using var response = await Client.GetAsync($"/Status/{code}");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(code, (await ShopClient.ParseAsync(response)).StatusPageCode());
    }

    [Fact]
    public async Task A_method_a_page_does_not_accept_gets_a_friendly_page()
    {
        using var response = await Client.Http.PutAsync("/Cart", new StringContent(""));

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"PUT /Cart answered {(int)response.StatusCode}");
        Assert.NotNull((await ShopClient.ParseAsync(response)).StatusPageCode());
    }
}
