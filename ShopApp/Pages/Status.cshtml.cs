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

    public void OnGet(int code) => Code = code;

    public void OnPost(int code) => Code = code;
}
