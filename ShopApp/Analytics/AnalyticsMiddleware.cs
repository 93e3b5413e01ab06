using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShopApp.Analytics;

/// <summary>
/// Records each page a consenting visitor is shown: a page view, and where the page says more, a product viewed or a
/// checkout step reached. Adding to the cart and placing an order are recorded by their pages. Visitors without
/// consent pass straight through.
/// </summary>
public static class AnalyticsMiddleware
{
    private static readonly HashSet<string> CheckoutSteps = ["Shipping", "Delivery", "Payment", "Review"];

    public static IApplicationBuilder UseSessionAnalytics(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                await next(context);
                return;
            }
            var analytics = context.RequestServices.GetRequiredService<SessionAnalytics>();
            if (!analytics.Consented)
            {
                await next(context);
                return;
            }
            // Before the page runs: a visit's first id goes into the session while its cookie can still be sent.
            await analytics.StartVisitAsync(context.RequestAborted);
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status200OK)
            {
                return;
            }
            await analytics.RecordAsync(AnalyticsKind.PageView, path: context.Request.Path, cancellationToken: context.RequestAborted);
            if (page.ViewEnginePath == "/Products/Details" && int.TryParse(context.Request.RouteValues["id"] as string, out var productId))
            {
                await analytics.RecordAsync(AnalyticsKind.ProductViewed, productId: productId, cancellationToken: context.RequestAborted);
            }
            else if (page.ViewEnginePath.StartsWith("/Checkout/", StringComparison.Ordinal) && page.ViewEnginePath[10..] is var step && CheckoutSteps.Contains(step))
            {
                await analytics.RecordAsync(AnalyticsKind.CheckoutStep, step: step, cancellationToken: context.RequestAborted);
            }
        });
}
