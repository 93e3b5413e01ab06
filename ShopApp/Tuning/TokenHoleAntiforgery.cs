using Microsoft.AspNetCore.Antiforgery;

namespace ShopApp.Tuning;

/// <summary>
/// The framework's antiforgery, except while <see cref="PageCache"/> records a page: then each form receives
/// <see cref="PageTemplate.TokenHole"/> in place of the visitor's token, so that the recorded page holds no token,
/// and the real token is kept aside to fill the hole. The visitor's cookie and headers are set as always.
/// </summary>
public sealed class TokenHoleAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => Punch(httpContext, inner.GetAndStoreTokens(httpContext));

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => Punch(httpContext, inner.GetTokens(httpContext));

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    private static AntiforgeryTokenSet Punch(HttpContext httpContext, AntiforgeryTokenSet tokens)
    {
        if (PageRecording.Of(httpContext) is not { } recording || tokens.RequestToken is null)
        {
            return tokens;
        }
        recording.RequestToken = tokens.RequestToken;
        return new AntiforgeryTokenSet(PageTemplate.TokenHole, tokens.CookieToken, tokens.FormFieldName, tokens.HeaderName);
    }

    /// <summary>Puts this antiforgery around the one registered. Call after <c>AddAntiforgery()</c> (AddRazorPages adds it).</summary>
    public static void Decorate(IServiceCollection services) =>
        services.DecorateSingleton<IAntiforgery>((_, inner) => new TokenHoleAntiforgery(inner));
}

/// <summary>Marks a request whose page is being recorded as a template, and keeps its real antiforgery token.</summary>
public sealed class PageRecording
{
    private static readonly object Key = new();

    public string? RequestToken { get; set; }

    public static PageRecording? Of(HttpContext context) => context.Items.TryGetValue(Key, out var value) ? value as PageRecording : null;

    public static PageRecording Start(HttpContext context)
    {
        var recording = new PageRecording();
        context.Items[Key] = recording;
        return recording;
    }

    public static void Stop(HttpContext context) => context.Items.Remove(Key);
}
