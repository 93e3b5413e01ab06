using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Localization;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>
/// The lessons, and the tamper lab: the learner edits a copy of their own session cookie and sends it through the
/// server's session middleware (<see cref="TamperLab"/>) to see it refused.
/// </summary>
public class IndexModel(TamperLab lab, SessionSettings settings, SessionCookie sessionCookie, IStringLocalizer<ShopText> t) : PageModel
{
    /// <summary>The edited copy of the session cookie's value.</summary>
    [BindProperty]
    [Required(ErrorMessage = "Paste or edit a cookie value first.")]
    [StringLength(TamperLab.MaxLength, ErrorMessage = "A cookie value is at most {1} characters.")]
    [Display(Name = "Your session cookie's value (a copy)")]
    public string? Cookie { get; set; }

    public TamperOutcome? Outcome { get; private set; }

    /// <summary>The learner's own session as it is after the lab: it must not have changed.</summary>
    public string? OwnSessionHash { get; private set; }

    public int OwnEntries { get; private set; }

    public bool HasSessionCookie => OwnKey is not null;

    private string? OwnKey => sessionCookie.KeyOf(HttpContext, settings.CookieName);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cookie = Request.Cookies[settings.CookieName];
        await ReadOwnAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostTamperAsync(CancellationToken cancellationToken)
    {
        Cookie = Cookie?.Trim();
        if (Cookie is { Length: > 0 } value && !TamperLab.IsCookieValue(value))
        {
            ModelState.AddModelError(nameof(Cookie), t["A cookie value cannot hold spaces, quotes, commas, semicolons or backslashes."]);
        }
        if (ModelState.IsValid)
        {
            Outcome = await lab.SendAsync(Cookie!, OwnKey, HttpContext);
        }
        await ReadOwnAsync(cancellationToken);
        return Page();
    }

    private async Task ReadOwnAsync(CancellationToken cancellationToken)
    {
        // The page carries the session cookie's value: no cache, the browser's included, may keep a copy.
        Response.Headers.CacheControl = "no-store";
        await HttpContext.Session.LoadAsync(cancellationToken);
        OwnSessionHash = OwnKey is { } key ? ShortHash.Of(key) : null;
        OwnEntries = HttpContext.Session.Keys.Count();
    }
}
