using Microsoft.AspNetCore.Http.Features;

namespace ShopApp.Security;

/// <summary>
/// A form that cannot be read (broken multipart, more fields or bytes than the form limits allow, a body cut short)
/// is answered 400 before anything else reads it. Left to the pages, the failure surfaces in whatever reads the form
/// first, as a 404 or a 500 depending on where. The form read here is kept, so the page does not read it twice.
/// </summary>
public static class UnreadableForms
{
    // Requests without a form (every page view) pass straight on, without an async step of their own.
    public static IApplicationBuilder UseUnreadableFormsAs400(this IApplicationBuilder app) =>
        app.Use(next => context => context.Request.HasFormContentType ? ReadFirstAsync(context, next) : next(context));

    private static async Task ReadFirstAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await context.Request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception exception) when (exception is InvalidDataException or BadHttpRequestException or IOException)
        {
            // An empty form in its place: the status page, which re-executes this request, reads that instead.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await next(context);
    }
}
