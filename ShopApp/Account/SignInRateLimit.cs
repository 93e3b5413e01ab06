using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ShopApp.Account;

/// <summary>
/// ASP.NET Core's rate limiter on sign-in posts, per client address: guessing across many accounts from one address
/// slows to <see cref="PermitsPerMinute"/> tries a minute, whatever e-mails it tries, on the page and the token API
/// alike. Page views are not limited.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    /// <summary>Far above what a person types; far below what a guessing script sends.</summary>
    public const int PermitsPerMinute = 30;

    public static IServiceCollection AddShopSignInRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            // The status page explains a 429 like any other refusal.
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // The token API answers in problem details (Api/ApiProblems), the pages with the status page.
            options.OnRejected = (context, _) => context.HttpContext.Request.Path.StartsWithSegments(Api.ApiEndpoints.Prefix)
                ? new ValueTask(Api.ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "Too many sign-in attempts from here: wait a minute."))
                : ValueTask.CompletedTask;
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = PermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter(""));
        });
}
