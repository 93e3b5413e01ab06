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
    SessionCookie sessionCookie,
    IOptions<SessionOptions> sessionOptions,
    ILogger<SessionRotation> logger)
{
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

        if (forgetOld && sessionCookie.KeyOf(context, options.Cookie.Name!) is string oldKey)
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

        context.Response.Cookies.Append(options.Cookie.Name!, sessionCookie.Protect(newKey), options.Cookie.Build(context));
        // As the session middleware does when it sets its cookie: no cache may keep a response that carries one.
        context.Response.Headers[HeaderNames.CacheControl] = "no-cache,no-store";
        context.Response.Headers[HeaderNames.Pragma] = "no-cache";
        logger.LogInformation("Session rotated; {Count} entries carried over.", kept.Count);
    }
}
