using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ShopApp.Account;
using ShopApp.Data;
using ShopApp.Sessions;

namespace ShopApp.Teaching;

/// <summary>
/// What the server holds for the visitor of the current request, read from that request alone: the cookies it
/// sent, its own session (the entries and their size), the idle timeout, the store, and its sign-in. It can never
/// show another visitor's data because it is only ever given the current request.
/// </summary>
public sealed partial class SessionInspector(
    SessionSettings settings,
    SessionCookie sessionCookie,
    ShopDbContext db,
    IConfiguration configuration)
{
    /// <summary>The store key of the current request's session (to tell "yours" apart), never for display.</summary>
    public static string? KeyOf(HttpContext context) => (context.Session as SerializedSession)?.Key;

    public async Task<SessionSnapshot> ReadAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var cookies = SentCookies(context.Request)
            .Select(cookie => new CookieView(cookie.Name, Encoding.UTF8.GetByteCount(cookie.Value), ShortHash.Of(cookie.Value), KindOf(cookie.Name)))
            .OrderBy(cookie => cookie.Name, StringComparer.Ordinal)
            .ToList();

        var session = context.Session;
        await session.LoadAsync(cancellationToken);
        var entries = session.Keys
            .Order(StringComparer.Ordinal)
            .Select(key => KeyValuePair.Create(key, session.TryGetValue(key, out var value) ? value : []))
            .ToList();
        var key = (session as SerializedSession)?.Key;
        // The id the browser's cookie names, or one this request started by writing something; a key the
        // middleware made up for a visitor it stores nothing for is not a session yet.
        var isSession = key is not null && (entries.Count > 0 || sessionCookie.KeyOf(context, settings.CookieName) == key);

        var ownTimeout = IdleTimeoutSession.Read(session, settings.IdleTimeout);
        return new SessionSnapshot(
            cookies,
            isSession ? ShortHash.Of(key!) : null,
            [.. entries.Select(entry => new EntryView(entry.Key, Show(entry.Value), entry.Value.Length))],
            entries.Count == 0 ? 0 : SessionFormat.SizeOf(entries),
            ownTimeout ?? settings.IdleTimeout,
            ownTimeout is not null,
            settings.Store,
            configuration["Instance:Name"],
            await SignInOfAsync(context.User, cancellationToken));
    }

    /// <summary>
    /// The cookies exactly as the browser sent them (Request.Cookies would give the values URL-decoded, which is not
    /// what travels).
    /// </summary>
    private static IEnumerable<(string Name, string Value)> SentCookies(HttpRequest request) =>
        request.Headers.Cookie
            .SelectMany(header => (header ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair[0].Length > 0)
            .Select(pair => (pair[0], pair.Length > 1 ? pair[1] : ""));

    private async Task<SignInView?> SignInOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var signInId = user.FindFirstValue(ShopClaims.SignInId);
        var signIn = signInId is null ? null : await db.SignIns.AsNoTracking().FirstOrDefaultAsync(s => s.Id == signInId, cancellationToken);
        return new SignInView(
            user.FindFirstValue(ShopClaims.DisplayName) ?? user.Identity.Name ?? "",
            user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name,
            user.IsInRole(ShopRoles.Admin),
            // As the ticket carries them: what every authorization check this request made was checked against.
            [.. user.FindAll(((ClaimsIdentity)user.Identity).RoleClaimType).Select(c => c.Value)],
            signInId is null ? null : ShortHash.Of(signInId),
            signIn?.SignedInAtUtc,
            signIn?.ExpiresAtUtc,
            settings.IdleTimeout);
    }

    private static CookieKind KindOf(string name) => SessionKeys.WithoutHostPrefix(name) switch
    {
        SessionKeys.SessionCookie => CookieKind.Session,
        SessionKeys.SignInCookie => CookieKind.SignIn,
        SessionKeys.AntiforgeryCookie => CookieKind.Antiforgery,
        _ => CookieKind.Other,
    };

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        // Razor encodes the text for HTML; here it only has to stay readable ("Café", not "Caf\u00E9").
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// An entry's value as JSON, the way the class should read it: JSON values indented, other text as a JSON string,
    /// anything that looks like a card number reduced to its last four digits.
    /// </summary>
    public static string Show(byte[] value)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(value);
        }
        catch (DecoderFallbackException)
        {
            return $"<{value.Length} bytes>";
        }
        try
        {
            using var document = JsonDocument.Parse(text);
            return MaskCardNumbers(JsonSerializer.Serialize(document.RootElement, Indented));
        }
        catch (JsonException)
        {
            return MaskCardNumbers(JsonSerializer.Serialize(text, Indented));
        }
    }

    /// <summary>
    /// ShopApp keeps only a card's brand and last four digits in session; should a card number ever reach a session
    /// entry, the inspector still shows no more than that.
    /// </summary>
    public static string MaskCardNumbers(string text) => CardNumber().Replace(text, match => "•••• " + match.Groups["last4"].Value);

    /// <summary>12 to 19 digits, optionally grouped with spaces or dashes: the lengths card numbers have.</summary>
    [GeneratedRegex(@"(?<![\d])(?:\d[ -]?){8,15}(?<last4>\d{4})(?![\d])")]
    private static partial Regex CardNumber();
}

public enum CookieKind
{
    Session,
    SignIn,
    Antiforgery,
    Other,
}

/// <summary>A cookie the browser sent: its name, its size, and a short hash in place of its value.</summary>
public sealed record CookieView(string Name, int Bytes, string Hash, CookieKind Kind);

/// <summary>One session entry: its key, its value as (masked) JSON, and its size in bytes as stored.</summary>
public sealed record EntryView(string Key, string Json, int Bytes);

/// <summary>The signed-in user and their server-side sign-in, as the inspector shows them.</summary>
public sealed record SignInView(string Name, string? Email, bool IsAdmin, IReadOnlyList<string> Roles, string? SignInHash, DateTime? IssuedAtUtc, DateTime? ExpiresAtUtc, TimeSpan IdleTimeout);

/// <summary>Everything the inspector shows for one request.</summary>
public sealed record SessionSnapshot(
    IReadOnlyList<CookieView> Cookies,
    string? SessionHash,
    IReadOnlyList<EntryView> Entries,
    int StoredBytes,
    TimeSpan IdleTimeout,
    bool IdleTimeoutShortened,
    SessionStore Store,
    string? Instance,
    SignInView? SignIn)
{
    public bool HasSession => SessionHash is not null;
}
