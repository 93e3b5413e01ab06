using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ShopApp.Security;

/// <summary>
/// Razor Pages runs a page even when no handler matches the request's method (a TRACE, a PUT, a POST to a page that
/// only has <c>OnGet</c>): the page then renders with nothing loaded and fails. This answers such a request with
/// 405 Method Not Allowed and an <c>Allow</c> header instead, and the status page explains it. GET and HEAD still
/// render a page without handlers, and the status and error pages, which re-execute any failed request, are left
/// to themselves. (A synchronous filter: it runs on every page request and never waits for anything.)
/// </summary>
public sealed class UnservedMethodFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is not null)
        {
            return;
        }
        var http = context.HttpContext;
        var method = http.Request.Method;
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || reExecuted)
        {
            return;
        }
        var served = context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Append("GET").Append("HEAD").Distinct();
        http.Response.Headers.Allow = string.Join(", ", served);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
