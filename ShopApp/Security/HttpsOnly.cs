using Microsoft.AspNetCore.HttpOverrides;

namespace ShopApp.Security;

/// <summary>
/// Outside Development every cookie of ours is Secure, so ShopApp must be reached over HTTPS: directly, or
/// through a reverse proxy on this machine that terminates TLS and says so in X-Forwarded-Proto.
/// </summary>
public static class HttpsOnly
{
    public static IServiceCollection AddShopForwardedHeaders(this IServiceCollection services) =>
        services
            .Configure<ForwardedHeadersOptions>(options =>
            {
                // Only proxies on loopback (the defaults of KnownProxies) are believed; anyone else could claim "https".
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            })
            // A year, as browsers' preload lists ask; loopback hosts stay excluded (the framework's default list).
            .AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

    /// <summary>
    /// A plain-HTTP request outside Development gets a clear 400 instead of the exception the antiforgery system
    /// throws when it is asked to issue a Secure cookie over HTTP.
    /// </summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.IsHttps)
            {
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                "ShopApp answers only over HTTPS outside Development. Open it with https://, or put it behind a " +
                "reverse proxy on this machine that terminates TLS and sends X-Forwarded-Proto: https.");
        });
}
