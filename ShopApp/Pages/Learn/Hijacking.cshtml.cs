using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ShopApp.Localization;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: the learner's session and sign-in cookies, shown (teaching mode's one exception, as in the tamper lab)
/// so they can be carried into another browser, where <c>Adopt</c> sets them as that browser's own. Whoever sends
/// them is that visitor, until sign-out, a new id at sign-in or an ended sign-in deletes what they point to.
/// </summary>
public class HijackingModel(IOptions<SessionOptions> session, IOptionsMonitor<CookieAuthenticationOptions> signIn, IStringLocalizer<ShopText> t) : LessonModel
{
    private CookieBuilder SessionCookie => session.Value.Cookie;

    private CookieBuilder SignInCookie => signIn.Get(IdentityConstants.ApplicationScheme).Cookie;

    public string? OwnSessionCookie => Request.Cookies[SessionCookie.Name!];

    public string? OwnSignInCookie => Request.Cookies[SignInCookie.Name!];

    [BindProperty]
    [Display(Name = "Copied session cookie")]
    [StringLength(TamperLab.MaxLength, ErrorMessage = "A cookie value is at most {1} characters.")]
    public string? CopiedSession { get; set; }

    [BindProperty]
    [Display(Name = "Copied sign-in cookie (if any)")]
    [StringLength(TamperLab.MaxLength, ErrorMessage = "A cookie value is at most {1} characters.")]
    public string? CopiedSignIn { get; set; }

    public void OnGet() => Response.Headers.CacheControl = "no-store";

    public IActionResult OnPostAdopt()
    {
        Response.Headers.CacheControl = "no-store";
        CopiedSession = CopiedSession?.Trim();
        CopiedSignIn = CopiedSignIn?.Trim();
        if (string.IsNullOrEmpty(CopiedSession))
        {
            ModelState.AddModelError(nameof(CopiedSession), t["Paste the session cookie from the other browser first."]);
        }
        foreach (var (field, value) in new[] { (nameof(CopiedSession), CopiedSession), (nameof(CopiedSignIn), CopiedSignIn) })
        {
            if (value is { Length: > 0 } && !TamperLab.IsCookieValue(value))
            {
                ModelState.AddModelError(field, t["A cookie value cannot hold spaces, quotes, commas, semicolons or backslashes."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Exactly what a browser extension or the developer tools would do: the cookies, under their own names.
        Response.Cookies.Append(SessionCookie.Name!, CopiedSession!, SessionCookie.Build(HttpContext));
        if (CopiedSignIn is { Length: > 0 })
        {
            Response.Cookies.Append(SignInCookie.Name!, CopiedSignIn, SignInCookie.Build(HttpContext));
        }
        return Redirect("~/Cart");
    }
}
