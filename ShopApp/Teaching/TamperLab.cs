using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Options;
using ShopApp.Sessions;

namespace ShopApp.Teaching;

/// <summary>
/// Sends a learner's edited copy of their session cookie through ASP.NET Core's real session middleware, on a
/// request of its own made inside the server, and reports what the middleware did with it. The learner's own
/// request, session and cookie are not involved: the original session stays as it was.
/// </summary>
public sealed class TamperLab(
    ILoggerFactory loggerFactory,
    IDataProtectionProvider dataProtection,
    ISessionStore sessionStore,
    IOptions<SessionOptions> sessionOptions,
    SessionSettings settings)
{
    /// <summary>Browsers keep cookies up to 4096 bytes, name included.</summary>
    public const int MaxLength = 4000;

    /// <summary>
    /// The characters a cookie value may hold (RFC 6265: no spaces, quotes, commas, semicolons or backslashes).
    /// Anything else could not come from a browser, and a ";" would smuggle in a second cookie.
    /// </summary>
    public static bool IsCookieValue(string value) =>
        value.All(c => c is '!' or (>= '#' and <= '+') or (>= '-' and <= ':') or (>= '<' and <= '[') or (>= ']' and <= '~'));

    public async Task<TamperOutcome> SendAsync(string cookieValue, string? ownSessionKey, HttpContext context)
    {
        var probe = new DefaultHttpContext { RequestServices = context.RequestServices };
        probe.Request.Method = HttpMethods.Get;
        probe.Request.Path = "/Learn";
        probe.Request.Headers.Cookie = $"{settings.CookieName}={cookieValue}";

        SerializedSession? opened = null;
        var middleware = new SessionMiddleware(
            next: probeContext =>
            {
                // Only which session it was given is looked at: reading it would load (and slide) that session.
                opened = probeContext.Session as SerializedSession;
                return Task.CompletedTask;
            },
            loggerFactory, dataProtection, sessionStore, sessionOptions);
        await middleware.Invoke(probe);

        if (opened is null)
        {
            throw new InvalidOperationException("The session middleware gave the probe no session.");
        }
        var kind = opened.IsNew ? TamperResult.Rejected
            : opened.Key == ownSessionKey ? TamperResult.OwnSession
            : TamperResult.AnotherSession;
        // A session that is not the learner's own is named, never opened: the lab shows no one else's data.
        return new TamperOutcome(kind, ShortHash.Of(cookieValue), kind == TamperResult.AnotherSession ? null : ShortHash.Of(opened.Key));
    }
}

public enum TamperResult
{
    /// <summary>Data Protection could not decrypt the value: the middleware ignored it and made a new session id.</summary>
    Rejected,

    /// <summary>The value is a cookie this server issued for the learner's own session (nothing was changed).</summary>
    OwnSession,

    /// <summary>A valid cookie of another session (say, the learner's other browser): whoever holds it is that visitor.</summary>
    AnotherSession,
}

public sealed record TamperOutcome(TamperResult Result, string SentHash, string? SessionHash);
