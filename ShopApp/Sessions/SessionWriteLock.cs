using Microsoft.AspNetCore.Diagnostics;

namespace ShopApp.Sessions;

/// <summary>
/// ASP.NET Core's session is last-writer-wins: two requests of one session load it, each changes its copy, and the
/// later write-back erases the earlier change (two tabs adding to one cart lose an item). ShopApp closes that gap
/// in two ways:
/// <list type="bullet">
/// <item>A request that may change state (any method but GET, HEAD, OPTIONS and TRACE) holds its session's lock
/// from before the session is loaded until after it is written back: such requests of one session run one after
/// another, each seeing the last one's result.</item>
/// <item>A GET is not queued, so reads stay concurrent. When a GET does write (a notice shown and removed, the
/// review page's order token), <see cref="SerializedSession"/> takes the lock only for the write, reloads the
/// stored session and applies just the entries this GET changed.</item>
/// </list>
/// </summary>
public static class SessionWriteLock
{
    private const string HeldKey = "ShopApp.SessionLockHeld";

    /// <summary>Whether this request holds its session's lock for its whole length.</summary>
    public static bool IsHeld(HttpContext context) => context.Items.ContainsKey(HeldKey);

    public static bool ChangesState(HttpRequest request) =>
        !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));

    /// <summary>Goes right before <c>UseSession()</c>.</summary>
    public static IApplicationBuilder UseSessionWriteLock(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // A status page re-executing a refused request must not queue for the lock a second time.
            if (!ChangesState(context.Request) || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
            {
                await next(context);
                return;
            }
            var services = context.RequestServices;
            var key = services.GetRequiredService<SessionCookie>().KeyOf(context, services.GetRequiredService<SessionSettings>().CookieName);
            if (key is null)
            {
                // No session yet (or one we cannot read): this request starts a new one that no one else knows.
                await next(context);
                return;
            }

            IAsyncDisposable held;
            try
            {
                held = await services.GetRequiredService<ISessionLocks>().AcquireAsync(key, context.RequestAborted);
            }
            catch (SessionBusyException exception)
            {
                services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SessionWriteLock)).LogWarning("{Message}", exception.Message);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "2";
                return;
            }
            await using (held)
            {
                context.Items[HeldKey] = true;
                await next(context);
                // The session middleware writes the session back after the page and before returning here.
            }
        });
}
