using ShopApp.Sessions;

namespace ShopApp.Localization;

/// <summary>The language chosen in this browser, held in session under <see cref="SessionKeys.Language"/>.</summary>
public sealed class LanguageSession(IHttpContextAccessor httpContextAccessor)
{
    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The language is only available during a request.");

    public async Task<string?> GetAsync(CancellationToken cancellationToken = default)
    {
        await Session.LoadAsync(cancellationToken);
        return Parse(Session.GetString(SessionKeys.Language));
    }

    /// <summary>A stored language; a value from an older release, or one put there by hand, is ignored rather than trusted.</summary>
    public static string? Parse(string? culture) => Languages.IsSupported(culture) ? culture : null;

    public async Task SetAsync(string culture, CancellationToken cancellationToken = default)
    {
        if (!Languages.IsSupported(culture))
        {
            throw new ArgumentException($"'{culture}' is not a supported language.", nameof(culture));
        }
        Session.SetString(SessionKeys.Language, culture);
        await Session.CommitAsync(cancellationToken);
    }
}
