using System.Security.Claims;
using ShopApp.Api;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: the token API (<c>POST /api/token</c>, <c>GET /api/orders</c>) beside the session. learn.js asks for a
/// token, reads orders with it, and keeps reading after the learner signs out in this browser.
/// </summary>
public class TokensModel(ApiSettings api) : LessonModel
{
    public TimeSpan TokenLifetime => api.TokenLifetime;

    public string? Email => User.FindFirstValue(ClaimTypes.Email);

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }
}
