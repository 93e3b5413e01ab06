using Microsoft.AspNetCore.Mvc;
using ShopApp.Cart;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 1, and the "who am I to you?" answer the Stateless and Servers lessons ask for with fetch().</summary>
public class StatelessModel(SessionCookie sessionCookie, SessionSettings settings, CartSession cart, IConfiguration configuration) : LessonModel
{
    public void OnGet()
    {
    }

    /// <summary>
    /// What the server can tell about the request that asked: whether a session cookie came with it and, if so,
    /// which session it opens. It writes nothing, so asking does not start a session.
    /// </summary>
    public async Task<IActionResult> OnGetEchoAsync(CancellationToken cancellationToken)
    {
        var cookie = Request.Cookies[settings.CookieName];
        var key = sessionCookie.KeyOf(cookie);
        var items = key is null ? 0 : (await cart.GetAsync(cancellationToken)).ItemCount;
        Response.Headers.CacheControl = "no-store";
        return new JsonResult(new
        {
            cookieSent = cookie is not null,
            session = key is null ? null : ShortHash.Of(key),
            cartItems = items,
            instance = configuration["Instance:Name"],
        });
    }
}
