using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Sessions;

namespace ShopApp.Tests.Localization;

/// <summary>
/// The request culture comes from the session, then the signed-in user's saved language, then the browser's
/// Accept-Language, then English: the localization middleware run on a bare request, as configured by
/// <see cref="LocalizationSetup"/>.
/// </summary>
public sealed class CultureSourceOrderTests
{
    [Fact]
    public async Task The_language_in_session_wins_over_the_browsers()
    {
        Assert.Equal("fr", await CultureForAsync(session: "fr", acceptLanguage: "de-DE,de;q=0.9"));
    }

    [Fact]
    public async Task The_language_in_session_wins_over_the_one_saved_on_the_account()
    {
        Assert.Equal("fr", await CultureForAsync(session: "fr", acceptLanguage: "en", account: "de"));
    }

    [Fact]
    public async Task Without_a_choice_in_session_the_signed_in_users_saved_language_wins_over_the_browsers()
    {
        Assert.Equal("de", await CultureForAsync(session: null, acceptLanguage: "fr-FR,fr;q=0.9", account: "de"));
    }

    [Fact]
    public async Task A_saved_language_claim_on_an_anonymous_principal_is_ignored()
    {
        Assert.Equal("fr", await CultureForAsync(session: null, acceptLanguage: "fr", account: "de", signedIn: false));
    }

    [Fact]
    public async Task An_unsupported_saved_language_is_ignored()
    {
        Assert.Equal("fr", await CultureForAsync(session: null, acceptLanguage: "fr", account: "xx"));
    }

    [Fact]
    public async Task Without_a_choice_in_session_the_browsers_language_is_used()
    {
        Assert.Equal("de", await CultureForAsync(session: null, acceptLanguage: "de-CH,de;q=0.9,en;q=0.5"));
    }

    [Fact]
    public async Task The_first_supported_language_of_the_browser_is_used()
    {
        Assert.Equal("fr", await CultureForAsync(session: null, acceptLanguage: "es-ES,es;q=0.9,fr;q=0.8,de;q=0.7"));
    }

    [Fact]
    public async Task With_nothing_supported_the_shop_speaks_english()
    {
        Assert.Equal("en", await CultureForAsync(session: null, acceptLanguage: "es-ES,ja;q=0.5"));
        Assert.Equal("en", await CultureForAsync(session: null, acceptLanguage: null));
    }

    [Fact]
    public async Task An_unsupported_value_in_session_is_ignored()
    {
        Assert.Equal("de", await CultureForAsync(session: "xx", acceptLanguage: "de"));
    }

    [Fact]
    public async Task A_static_file_does_not_load_the_session()
    {
        var session = new DictionarySession();
        session.SetString(SessionKeys.Language, "fr");

        var culture = await RunAsync(session, acceptLanguage: "de", isPage: false);

        Assert.Equal("de", culture);
        Assert.False(session.WasLoaded);
    }

    private static Task<string> CultureForAsync(string? session, string? acceptLanguage, string? account = null, bool signedIn = true)
    {
        var stored = new DictionarySession();
        if (session is not null)
        {
            stored.SetString(SessionKeys.Language, session);
        }
        var user = new ClaimsPrincipal(account is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity([new Claim(ShopClaims.Culture, account)], signedIn ? "Identity.Application" : null));
        return RunAsync(stored, acceptLanguage, user: user);
    }

    private static async Task<string> RunAsync(DictionarySession session, string? acceptLanguage, bool isPage = true, ClaimsPrincipal? user = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(new SessionSettings()).AddHttpContextAccessor();
        services.AddShopLocalization();
        await using var provider = services.BuildServiceProvider();

        var context = new DefaultHttpContext { RequestServices = provider, User = user ?? new ClaimsPrincipal(new ClaimsIdentity()) };
        context.Features.Set<ISessionFeature>(new SessionFeature { Session = session });
        context.Request.Headers.Cookie = $"{SessionKeys.SessionCookie}=opaque";
        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }
        context.SetEndpoint(isPage
            ? new Endpoint(null, new EndpointMetadataCollection(new PageActionDescriptor()), "a page")
            : new Endpoint(null, new EndpointMetadataCollection(), "a static file"));
        provider.GetRequiredService<IHttpContextAccessor>().HttpContext = context;

        string? culture = null;
        var middleware = new RequestLocalizationMiddleware(
            _ => { culture = CultureInfo.CurrentUICulture.Name; return Task.CompletedTask; },
            provider.GetRequiredService<IOptions<RequestLocalizationOptions>>(),
            NullLoggerFactory.Instance);
        await middleware.Invoke(context);
        return culture!;
    }

    private sealed class SessionFeature : ISessionFeature
    {
        public ISession Session { get; set; } = null!;
    }

    /// <summary>An in-memory session that remembers whether anyone loaded it.</summary>
    private sealed class DictionarySession : ISession
    {
        private readonly Dictionary<string, byte[]> _values = new();

        public bool WasLoaded { get; private set; }

        public bool IsAvailable => true;

        public string Id { get; } = Guid.NewGuid().ToString();

        public IEnumerable<string> Keys => _values.Keys;

        public Task LoadAsync(CancellationToken cancellationToken = default)
        {
            WasLoaded = true;
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public bool TryGetValue(string key, out byte[] value) => _values.TryGetValue(key, out value!);

        public void Set(string key, byte[] value) => _values[key] = value;

        public void Remove(string key) => _values.Remove(key);

        public void Clear() => _values.Clear();
    }
}
