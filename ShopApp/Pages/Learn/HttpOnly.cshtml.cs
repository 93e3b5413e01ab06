using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ShopApp.Sessions;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: which of the learner's cookies a script on the page can read. The server says which cookies it marks
/// HttpOnly (from the options that write them); learn.js checks each against <c>document.cookie</c>, plays the
/// injected script, and tries an inline script that the Content Security Policy blocks.
/// </summary>
public class HttpOnlyModel(
    IOptions<SessionOptions> session,
    IOptionsMonitor<CookieAuthenticationOptions> signIn,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptions<CookiePolicyOptions> cookiePolicy) : LessonModel
{
    public sealed record CookieRow(string Name, bool HttpOnly, bool Sent);

    public IReadOnlyList<CookieRow> Cookies { get; private set; } = [];

    public void OnGet()
    {
        var written = new (Microsoft.AspNetCore.Http.CookieBuilder Cookie, string Name)[]
        {
            (session.Value.Cookie, session.Value.Cookie.Name!),
            (signIn.Get(IdentityConstants.ApplicationScheme).Cookie, signIn.Get(IdentityConstants.ApplicationScheme).Cookie.Name!),
            (antiforgery.Value.Cookie, antiforgery.Value.Cookie.Name!),
            (cookiePolicy.Value.ConsentCookie, cookiePolicy.Value.ConsentCookie.Name!),
        };
        Cookies = [.. written.Select(w => new CookieRow(w.Name, w.Cookie.HttpOnly, Request.Cookies.ContainsKey(w.Name))),
            new CookieRow(SessionKeys.ReadableDemoCookie, false, Request.Cookies.ContainsKey(SessionKeys.ReadableDemoCookie))];
    }

    /// <summary>Sets the demonstration cookie, deliberately without HttpOnly. Its value is random and opens nothing.</summary>
    public IActionResult OnPostSetDemo()
    {
        Response.Cookies.Append(SessionKeys.ReadableDemoCookie, "demo-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), new CookieOptions
        {
            HttpOnly = false,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromHours(1),
            // The learner asked for it on this page; it serves the lesson, not tracking.
            IsEssential = true,
        });
        return RedirectToPage();
    }

    public IActionResult OnPostDeleteDemo()
    {
        Response.Cookies.Delete(SessionKeys.ReadableDemoCookie);
        return RedirectToPage();
    }
}
