using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Session;

namespace ShopApp.Sessions;

/// <summary>
/// The session cookie's value is the store key (a GUID) protected with Data Protection under the purpose
/// "SessionMiddleware", in unpadded Base64: this is how <see cref="SessionMiddleware"/> writes and reads it.
/// </summary>
public sealed class SessionCookie(IDataProtectionProvider dataProtection)
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector(nameof(SessionMiddleware));

    public string Protect(string sessionKey) =>
        Convert.ToBase64String(_protector.Protect(Encoding.UTF8.GetBytes(sessionKey))).TrimEnd('=');

    /// <summary>The store key inside a cookie value; null when the value is not one we issued (or is damaged).</summary>
    public string? KeyOf(string? cookie)
    {
        if (string.IsNullOrEmpty(cookie))
        {
            return null;
        }
        try
        {
            var padded = cookie.PadRight(cookie.Length + (4 - cookie.Length % 4) % 4, '=');
            var key = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(padded)));
            return key.Length == 36 ? key : null;
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The store key behind the request's session cookie, when it carries a valid one.</summary>
    public string? KeyOf(HttpContext context, string cookieName) => KeyOf(context.Request.Cookies[cookieName]);
}
