using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using ShopApp.Cart;
using ShopApp.Catalog;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: a Flask-style cookie of the learner's cart, one line longer on every <c>Grow</c>, beside ShopApp's
/// cookie. The browser itself decides whether it keeps each one: the next request shows what it sent back, and
/// learn.js stops when an update was silently dropped.
/// </summary>
public class CookieSizeModel(FlaskStyleCookie flask, CartSession cart, IProductCatalog catalog, SessionSettings settings) : LessonModel
{
    /// <summary>The demonstration cookie goes only to this lesson, so its kilobytes ride on no other request.</summary>
    public const string CookiePath = "/Learn/CookieSize";

    public int? OurCookieBytes { get; private set; }

    public void OnGet() => OurCookieBytes = Request.Cookies[settings.CookieName] is { } ours ? settings.CookieName.Length + 1 + ours.Length : null;

    public sealed record Size(int Lines, int Bytes);

    public sealed record GrowAnswer(Size? SentBack, Size Written, int? Ours);

    public async Task<IActionResult> OnPostGrowAsync(CancellationToken cancellationToken)
    {
        var sentBack = Request.Cookies[SessionKeys.FlaskDemoCookie] is { } cookie && LinesIn(flask.Verify(cookie)) is { } lines
            ? new Size(lines, SessionKeys.FlaskDemoCookie.Length + 1 + cookie.Length)
            : null;
        var value = flask.Sign(await CartJsonAsync((sentBack?.Lines ?? 0) + 1, cancellationToken));
        Response.Cookies.Append(SessionKeys.FlaskDemoCookie, value, new CookieOptions
        {
            Path = CookiePath,
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromHours(1),
            // The learner asked for it on this page; it serves the lesson, not tracking.
            IsEssential = true,
        });
        OnGet();
        return new JsonResult(new GrowAnswer(sentBack, new Size((sentBack?.Lines ?? 0) + 1, SessionKeys.FlaskDemoCookie.Length + 1 + value.Length), OurCookieBytes));
    }

    public IActionResult OnPostReset()
    {
        Response.Cookies.Delete(SessionKeys.FlaskDemoCookie, new CookieOptions { Path = CookiePath });
        return RedirectToPage();
    }

    /// <summary>The cart as a Flask app would keep it: the learner's own lines first, then more from the catalog.</summary>
    private async Task<string> CartJsonAsync(int lines, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var ids = (await cart.GetAsync(cancellationToken)).Lines.Select(l => l.ProductId).Concat(Enumerable.Range(1, 40)).Distinct().ToList();
        var known = new List<LocalizedProduct>();
        foreach (var id in ids)
        {
            if (await catalog.FindAsync(id, culture, cancellationToken) is { } product)
            {
                known.Add(product);
            }
        }
        var items = new JsonArray();
        for (var i = 0; i < lines && known.Count > 0; i++)
        {
            var product = known[i % known.Count];
            items.Add(new JsonObject { ["id"] = product.Id, ["name"] = product.Name, ["qty"] = 1 + i / known.Count, ["price"] = product.Price });
        }
        return new JsonObject { ["cart"] = items, ["language"] = culture }.ToJsonString();
    }

    private static int? LinesIn(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json)?["cart"]?.AsArray().Count;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
