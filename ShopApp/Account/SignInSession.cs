using System.Security.Claims;
using ShopApp.Localization;
using ShopApp.Sessions;

namespace ShopApp.Account;

/// <summary>
/// What signing in and out does to the session: a new session id each time (so an id known before sign-in is
/// worthless after it), the cart carried into the signed-in session, everything but preferences dropped at
/// sign-out, and a session that stays bound to the user who signed in.
/// </summary>
public sealed class SignInSession(IHttpContextAccessor httpContextAccessor, SessionRotation rotation, LanguageSession language, ILogger<SignInSession> logger)
{
    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The session is only available during a request.");

    /// <summary>
    /// Call right after a successful sign-in: the visitor keeps the cart, under a new session id, and the language
    /// saved on the account (if any) becomes this browser's.
    /// </summary>
    public async Task SignedInAsync(ShopUser user, CancellationToken cancellationToken = default)
    {
        await rotation.RotateAsync(keep: _ => true, cancellationToken: cancellationToken);
        Session.SetString(SessionKeys.SignedInUser, user.Id);
        if (Languages.IsSupported(user.PreferredCulture))
        {
            await language.SetAsync(user.PreferredCulture, cancellationToken);
        }
    }

    /// <summary>Call right after signing out: a new, empty session id, keeping only the browser's preferences.</summary>
    public Task SignedOutAsync(CancellationToken cancellationToken = default) =>
        rotation.RotateAsync(keep: SessionKeys.SurvivesSignOut.Contains, cancellationToken: cancellationToken);

    /// <summary>Call right after erasing the account: a new session id with nothing carried over.</summary>
    public Task ErasedAsync(CancellationToken cancellationToken = default) =>
        rotation.RotateAsync(keep: _ => false, cancellationToken: cancellationToken);

    /// <summary>
    /// Runs on every page request: when the session was recorded for another user than the one signed in now
    /// (signed out elsewhere, revoked, expired, or a session cookie planted in the browser), the request gets a
    /// fresh session instead of that one's cart.
    /// </summary>
    public async Task EnsureBoundToAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        await Session.LoadAsync(cancellationToken);
        var recorded = Session.GetString(SessionKeys.SignedInUser);
        if (recorded == userId)
        {
            return;
        }

        var holdsUserData = Session.Keys.Any(key => !SessionKeys.SurvivesSignOut.Contains(key));
        if (recorded is not null || holdsUserData && userId is not null)
        {
            logger.LogInformation("The session belonged to another sign-in; starting a fresh one.");
            // The presented session is left alone: it may belong to a browser that is still signed in as its user.
            await rotation.RotateAsync(keep: SessionKeys.SurvivesSignOut.Contains, forgetOld: false, cancellationToken);
        }
        if (userId is not null)
        {
            Session.SetString(SessionKeys.SignedInUser, userId);
        }
    }
}

/// <summary>Applies <see cref="SignInSession.EnsureBoundToAsync"/> to page requests (not to static files).</summary>
public static class SignInSessionMiddleware
{
    public static IApplicationBuilder UseSessionBoundToSignIn(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var isPage = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null;
            var hasSession = context.Request.Cookies.ContainsKey(context.RequestServices.GetRequiredService<SessionSettings>().CookieName);
            if (isPage && (hasSession || context.User.Identity?.IsAuthenticated == true))
            {
                await context.RequestServices.GetRequiredService<SignInSession>().EnsureBoundToAsync(context.User, context.RequestAborted);
            }
            await next(context);
        });
}
