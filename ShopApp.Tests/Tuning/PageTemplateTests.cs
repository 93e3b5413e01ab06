using System.Text;
using Microsoft.AspNetCore.Http;
using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

public sealed class PageTemplateTests
{
    private static async Task<string> WriteAsync(PageTemplate template, string? token)
    {
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await template.WriteToAsync(context.Response, token, CancellationToken.None);
        Assert.Equal(body.Length, context.Response.ContentLength);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    [Fact]
    public async Task Every_hole_receives_the_visitors_token()
    {
        var page = $"<form><input value=\"{PageTemplate.TokenHole}\"></form>é<form><input value=\"{PageTemplate.TokenHole}\"></form>";

        var template = PageTemplate.Cut(Encoding.UTF8.GetBytes(page), "text/html; charset=utf-8");

        Assert.Equal(2, template.Holes);
        Assert.Equal("<form><input value=\"abc\"></form>é<form><input value=\"abc\"></form>", await WriteAsync(template, "abc"));
    }

    [Fact]
    public async Task A_page_without_forms_is_written_as_it_was()
    {
        var template = PageTemplate.Cut("<p>Olá</p>"u8, "text/html");

        Assert.Equal(0, template.Holes);
        Assert.Equal("<p>Olá</p>", await WriteAsync(template, null));
    }

    [Fact]
    public async Task A_page_with_forms_is_never_written_without_a_token()
    {
        var template = PageTemplate.Cut(Encoding.UTF8.GetBytes(PageTemplate.TokenHole), "text/html");

        await Assert.ThrowsAsync<InvalidOperationException>(() => WriteAsync(template, null));
    }
}
