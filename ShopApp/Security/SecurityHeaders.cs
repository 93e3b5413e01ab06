namespace ShopApp.Security;

/// <summary>Headers that every response carries, pages and static files alike.</summary>
public static class SecurityHeaders
{
    // No inline script or style anywhere: every script and stylesheet is a file under wwwroot.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A response with a stricter policy of its own (an uploaded SVG) keeps it.
                var ownPolicy = headers.ContainsKey("Content-Security-Policy");
                if (!ownPolicy)
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                }
                // Browsers must not guess a content type: an uploaded "image" never runs as script.
                headers.XContentTypeOptions = "nosniff";
                // Other sites learn only that a visitor came from ShopApp, never which page or search.
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // Older browsers that ignore frame-ancestors get the same answer. Only a response with a policy of its
                // own may say otherwise (the CSRF lesson's stand-in for another site, framed by the lesson).
                if (!ownPolicy || !headers.ContainsKey("X-Frame-Options"))
                {
                    headers.XFrameOptions = "DENY";
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
