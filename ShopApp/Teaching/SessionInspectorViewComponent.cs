using Microsoft.AspNetCore.Mvc;

namespace ShopApp.Teaching;

/// <summary>
/// The collapsible session inspector at the foot of every page in teaching mode. It is rendered with the page, after
/// the page's handler has run, so it always shows the session as this request leaves it.
/// </summary>
public sealed class SessionInspectorViewComponent(TeachingSettings settings) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!settings.Enabled)
        {
            return Content("");
        }
        var inspector = HttpContext.RequestServices.GetRequiredService<SessionInspector>();
        return View(await inspector.ReadAsync(HttpContext, HttpContext.RequestAborted));
    }
}
