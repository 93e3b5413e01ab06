using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using ShopApp.Sessions;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 2: this visitor's own session, once as ShopApp keeps it and once as a Flask app would.</summary>
public class CookiesModel(SessionSettings settings, FlaskStyleCookie flask) : LessonModel
{
    /// <summary>The session cookie's size in bytes, or null when the browser has none yet.</summary>
    public int? OurCookieBytes { get; private set; }

    public string? OurCookieHash { get; private set; }

    /// <summary>How many bytes of ciphertext the cookie's Base64 decodes to: nothing readable.</summary>
    public int? OurCookieDecodedBytes { get; private set; }

    /// <summary>The same session, as a Flask app would put it in its cookie.</summary>
    public string FlaskCookie { get; private set; } = "";

    /// <summary>What anyone can read off that cookie without the secret key.</summary>
    public string FlaskCookieReadable { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Request.Cookies[settings.CookieName] is { } ours)
        {
            OurCookieBytes = ours.Length;
            OurCookieHash = ShortHash.Of(ours);
            try
            {
                OurCookieDecodedBytes = WebEncoders.Base64UrlDecode(ours.Replace('+', '-').Replace('/', '_')).Length;
            }
            catch (FormatException)
            {
                OurCookieDecodedBytes = null;
            }
        }

        await HttpContext.Session.LoadAsync(cancellationToken);
        var content = new JsonObject();
        foreach (var key in HttpContext.Session.Keys.Order(StringComparer.Ordinal))
        {
            var text = HttpContext.Session.GetString(key) ?? "";
            content[key] = TryParse(text) ?? JsonValue.Create(text);
        }
        FlaskCookie = flask.Sign(content.ToJsonString());
        FlaskCookieReadable = FlaskStyleCookie.Read(FlaskCookie) ?? "";
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
