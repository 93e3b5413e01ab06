using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ShopApp.Pages.Learn;

/// <summary>
/// The CSRF lesson's stand-in for another site. The shop serves it, but its Content Security Policy's
/// <c>sandbox</c> gives it an opaque origin of its own: its forms are cross-site requests, exactly like a form on
/// an attacker's domain (Origin: null, Sec-Fetch-Site: cross-site, no SameSite=Lax cookies).
/// </summary>
public class CsrfElsewhereModel : PageModel
{
    public void OnGet()
    {
        Response.Headers.ContentSecurityPolicy =
            "sandbox allow-forms allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'self'; frame-ancestors 'self'";
        Response.Headers.XFrameOptions = "SAMEORIGIN";
    }
}
