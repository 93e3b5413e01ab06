using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ShopApp.Account;
using ShopApp.Teaching;
using ShopApp.Tests.Localization;
using ShopApp.Tests.Teaching;

namespace ShopApp.Tests.Pages.Learn;

/// <summary>/Learn and its lessons: each with a demonstration, a "try it" and a question, and the demonstrations working.</summary>
public sealed class LessonTests : ShopTest
{
    public static TheoryData<string> LessonPages => [.. Lessons.All.Select(l => l.Page)];

    [Fact]
    public async Task Learn_lists_at_least_seven_lessons_each_linked()
    {
        var page = await Client.GetPageAsync("/Learn");

        var links = page.QuerySelectorAll("[data-testid=lesson-card] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.True(links.Count >= 7);
        Assert.Equal(Lessons.All.Select(l => l.Page), links);
    }

    [Theory]
    [MemberData(nameof(LessonPages))]
    public async Task Every_lesson_has_a_demonstration_a_try_it_and_a_question(string url)
    {
        var page = await Client.GetPageAsync(url);

        Assert.NotNull(page.QuerySelector("[data-testid=lesson-demo]"));
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=lesson-try-it] li"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=lesson-question]")?.TextContent));
    }

    [Fact]
    public void Every_lesson_title_and_summary_is_translated()
    {
        foreach (var culture in ShopTexts.Cultures)
        {
            var texts = ShopTexts.File(culture);
            Assert.All(Lessons.All, lesson =>
            {
                Assert.True(texts.ContainsKey(lesson.Title), lesson.Title);
                Assert.True(texts.ContainsKey(lesson.Summary), lesson.Summary);
            });
        }
    }

    [Fact]
    public async Task Without_a_cookie_the_server_recognises_no_one_and_starts_nothing()
    {
        var response = await Client.GetAsync("/Learn/Stateless?handler=Echo");

        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(answer.GetProperty("cookieSent").GetBoolean());
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("session").ValueKind);
        Assert.Empty(SetCookie.From(response));
    }

    [Fact]
    public async Task With_the_cookie_the_server_finds_the_same_session_every_time()
    {
        await Client.AddAsync(productId: 3, quantity: 2);

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var answer = JsonDocument.Parse(await (await Client.GetAsync("/Learn/Stateless?handler=Echo")).Content.ReadAsStringAsync()).RootElement;
            Assert.True(answer.GetProperty("cookieSent").GetBoolean());
            Assert.Equal(InspectorView.HashOf(Factory, Client), answer.GetProperty("session").GetString());
            Assert.Equal(2, answer.GetProperty("cartItems").GetInt32());
        }
    }

    [Fact]
    public async Task The_flask_style_cookie_shows_the_visitors_own_cart_to_anyone()
    {
        await Client.AddAsync(productId: 3, quantity: 2);

        var page = await Client.GetPageAsync("/Learn/Cookies");

        var flask = page.QuerySelector("[data-testid=flask-cookie]")!.TextContent.Trim();
        var readable = JsonDocument.Parse(FlaskStyleCookie.Read(flask)!).RootElement;
        Assert.Equal(3, readable.GetProperty("Cart").GetProperty("lines")[0].GetProperty("productId").GetInt32());
        Assert.Equal(readable.ToString(), JsonDocument.Parse(page.QuerySelector("[data-testid=flask-cookie-readable]")!.TextContent).RootElement.ToString());
    }

    private async Task<IDocument> ProtectAsync(string message) =>
        await ShopClient.ParseAsync(await Client.PostAsync("/Learn/Signing?handler=Protect", new Dictionary<string, string> { ["Message"] = message }, tokenPage: "/Learn/Signing"));

    private async Task<IDocument> CheckAsync(string signed, string encrypted) =>
        await ShopClient.ParseAsync(await Client.PostAsync("/Learn/Signing?handler=Check", new Dictionary<string, string> { ["Signed"] = signed, ["Encrypted"] = encrypted }, tokenPage: "/Learn/Signing"));

    private static string Value(IDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")!.TextContent.Trim();

    private static string? Verdict(IDocument page, string testId) => page.QuerySelector($"[data-testid={testId}]")?.GetAttribute("data-accepted");

    [Fact]
    public async Task Signed_and_encrypted_values_are_accepted_unchanged()
    {
        var page = await ProtectAsync("meet at noon");

        var checkedPage = await CheckAsync(Value(page, "signing-signed"), Value(page, "signing-encrypted"));

        Assert.Equal("true", Verdict(checkedPage, "signed-verdict"));
        Assert.Equal("true", Verdict(checkedPage, "encrypted-verdict"));
        Assert.DoesNotContain("meet at noon", Value(page, "signing-encrypted"));
    }

    [Fact]
    public async Task A_changed_character_is_refused_by_both_but_the_signed_one_stays_readable()
    {
        var page = await ProtectAsync("meet at noon");
        static string Flip(string value, int at) => value[..at] + (value[at] == 'A' ? 'B' : 'A') + value[(at + 1)..];

        var signed = Value(page, "signing-signed");
        var checkedPage = await CheckAsync(Flip(signed, signed.Length - 3), Flip(Value(page, "signing-encrypted"), 20));

        Assert.Equal("false", Verdict(checkedPage, "signed-verdict"));
        Assert.Contains("meet at noon", Value(checkedPage, "signed-verdict"));
        Assert.Equal("false", Verdict(checkedPage, "encrypted-verdict"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("this message is much too long for the lesson, which keeps messages short so that the values stay readable on a projector in class; this one goes on and on, past the two hundred characters the form allows it")]
    public async Task A_missing_or_long_message_gets_a_message_beside_the_field(string message)
    {
        var page = await ProtectAsync(message);

        Assert.NotNull(page.FieldError("Message"));
        Assert.Null(page.QuerySelector("[data-testid=signing-signed]"));
    }

    [Fact]
    public async Task Garbage_to_check_is_refused_without_an_error()
    {
        var page = await CheckAsync("not.a.cookie", "%%%");

        Assert.Equal("false", Verdict(page, "signed-verdict"));
        Assert.Equal("false", Verdict(page, "encrypted-verdict"));
    }

    [Fact]
    public async Task The_orders_lesson_counts_the_cart_in_session_and_the_orders_in_the_database()
    {
        await Client.SignInAsync(AccountSeed.Customer);
        await Client.AddAsync(productId: 3, quantity: 2);

        var page = await Client.GetPageAsync("/Learn/Orders");

        Assert.Equal("2", page.QuerySelector("[data-testid=lesson-cart-items]")!.GetAttribute("data-count"));
        Assert.Equal("0", page.QuerySelector("[data-testid=lesson-orders]")!.GetAttribute("data-count"));
    }

    [Fact]
    public async Task The_fixation_lesson_shows_the_current_session_hash()
    {
        await Client.AddAsync(productId: 3);

        var page = await Client.GetPageAsync("/Learn/Fixation");

        Assert.Equal(InspectorView.HashOf(Factory, Client), Value(page, "fixation-now"));
    }
}
