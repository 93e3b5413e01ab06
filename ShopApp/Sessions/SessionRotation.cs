using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ShopApp.Sessions;

/// <summary>
/// Gives the current visitor a new session id, carrying over the entries the caller keeps, and forgets the old one.
/// ASP.NET Core's session has no "regenerate id" of its own; without this, a session id planted in a browser
/// before sign-in (session fixation) would still be the signed-in user's session afterwards.
/// </summary>
/// <remarks>
/// The new id is minted the way <see cref="SessionMiddleware"/> mints one (a GUID protected with Data Protection
/// under the purpose "SessionMiddleware"), so the middleware reads the new cookie on the next request. The
/// session feature of this request is switched to the new session, so everything written after the rotation
/// (a notice, the signed-in user) lands under the new id, and the middleware commits it at the end.
/// </remarks>
public sealed class SessionRotation(
    IHttpContextAccessor httpContextAccessor,
    ISessionStore sessionStore,
    IDistributedCache cache,
    IDataProtectionProvider dataProtection,
    IOptions<SessionOptions> sessionOptions,
    ILogger<SessionRotation> logger)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector(nameof(SessionMiddleware));

    /// <param name="keep">Which entries of the current session move to the new one.</param>
    /// <param name="forgetOld">
    /// True at sign-in and sign-out: the old id must open an empty session from now on. False when the request only
    /// presented a session that is not its own: that session stays as it is for the browser it belongs to.
    /// </param>
    public async Task RotateAsync(Func<string, bool> keep, bool forgetOld = true, CancellationToken cancellationToken = default)
    {
        var context = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Sessions rotate only during a request.");
        var feature = context.Features.Get<ISessionFeature>() ?? throw new InvalidOperationException("UseSession() must run before a session is rotated.");
        var options = sessionOptions.Value;

        var old = feature.Session;
        await old.LoadAsync(cancellationToken);
        var kept = old.Keys.Where(keep).Select(key => (Key: key, Value: old.TryGetValue(key, out var value) ? value : null)).ToList();

        if (forgetOld && OldSessionKey(context, options) is string oldKey)
        {
            await cache.RemoveAsync(oldKey, cancellationToken);
        }

        var newKey = Guid.NewGuid().ToString();
        var fresh = sessionStore.Create(newKey, options.IdleTimeout, options.IOTimeout, tryEstablishSession: () => true, isNewSessionKey: true);
        foreach (var (key, value) in kept)
        {
            if (value is not null)
            {
                fresh.Set(key, value);
            }
        }
        feature.Session = fresh;

        context.Response.Cookies.Append(options.Cookie.Name!, Protect(newKey), options.Cookie.Build(context));
        // As the session middleware does when it sets its cookie: no cache may keep a response that carries one.
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache,no-store";
        context.Response.Headers[HeaderNames.Pragma] = "no-cache";
        logger.LogInformation("Session rotated; {Count} entries carried over.", kept.Count);
    }

    private string Protect(string sessionKey) =>
        Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(sessionKey))).TrimEnd('=');

    /// <summary>The store key behind the request's session cookie, when it carries a valid one.</summary>
    private string? OldSessionKey(HttpContext context, SessionOptions options)
    {
        var cookie = context.Request.Cookies[options.Cookie.Name!];
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        try
        {
            var padded = cookie.PadRight(cookie.Length + (4 - cookie.Length % 4) % 4, '=');
            var key = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(padded)));
            return key.Length == 36 ? key : null;
        }
        catch (Exception exception) when (exception is FormatException or System.Security.Cryptography.CryptographicException)
        {
            // A cookie we cannot read names no stored session; the middleware has already started a new one.
            return null;
        }
    }
}
