using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShopApp.Pages;

/// <summary>
/// The friendly page behind every 4xx/5xx without a body (status code pages re-execute here). It answers any
/// method, because the request that failed may have been a POST, and it must not fail antiforgery itself.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class StatusModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code)
    {
        if (code is < 400 or > 599)
        {
            return NotFound();
        }
        Code = code;
        // Visited directly rather than re-executed, the page still answers with the status it describes.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            Response.StatusCode = code;
        }
        return Page();
    }

    public IActionResult OnPost(int code) => OnGet(code);

    /// <summary>A failed request re-executed here keeps its method (TRACE, PUT, …): no handler matches it, so this one answers.</summary>
    public override void OnPageHandlerExecuting(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context)
    {
        if (context.HandlerMethod is null)
        {
            context.Result = OnGet(int.TryParse(RouteData.Values["code"] as string, out var code) ? code : 0);
        }
    }
}
