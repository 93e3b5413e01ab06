using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace ShopApp.Teaching;

/// <summary>
/// A session kept in the cookie itself, signed the way Flask signs its session cookie (itsdangerous'
/// URL-safe timed serializer): <c>base64url(JSON) "." base64url(timestamp) "." base64url(HMAC-SHA1)</c>, the HMAC
/// keyed with HMAC-SHA1(secret key, "cookie-session"). Anyone can read the first part; only the holder of the
/// secret can write one the server accepts. ShopApp does not use it: the lessons put it beside ShopApp's own
/// opaque cookie to show the difference. (Flask also compresses long values with zlib first, marked by a leading
/// "."; compression hides nothing, so this demo leaves it out.)
/// </summary>
public sealed class FlaskStyleCookie
{
    private const string Salt = "cookie-session";

    private readonly byte[] _signingKey;
    private readonly TimeProvider _time;

    /// <param name="secretKey">Flask's SECRET_KEY. The lessons use one made up when the app starts.</param>
    public FlaskStyleCookie(byte[] secretKey, TimeProvider time)
    {
        _signingKey = HMACSHA1.HashData(secretKey, Encoding.UTF8.GetBytes(Salt));
        _time = time;
    }

    /// <summary>The cookie value for a session whose content is <paramref name="json"/>.</summary>
    public string Sign(string json)
    {
        var payload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(json));
        Span<byte> seconds = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(seconds, _time.GetUtcNow().ToUnixTimeSeconds());
        // itsdangerous writes the timestamp without leading zero bytes.
        var timestamp = WebEncoders.Base64UrlEncode(seconds.TrimStart((byte)0).ToArray());
        var signed = $"{payload}.{timestamp}";
        return $"{signed}.{SignatureOf(signed)}";
    }

    /// <summary>What anyone who sees the cookie can read, without the secret key: the session's JSON.</summary>
    public static string? Read(string cookie)
    {
        var payload = cookie.Split('.')[0];
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(WebEncoders.Base64UrlDecode(payload));
        }
        catch (Exception exception) when (exception is FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The session's JSON if the signature is the server's own; null for a cookie changed by anyone else.</summary>
    public string? Verify(string cookie)
    {
        var lastDot = cookie.LastIndexOf('.');
        if (lastDot <= 0)
        {
            return null;
        }
        var signed = cookie[..lastDot];
        var expected = Encoding.ASCII.GetBytes(SignatureOf(signed));
        var given = Encoding.ASCII.GetBytes(cookie[(lastDot + 1)..]);
        return CryptographicOperations.FixedTimeEquals(expected, given) ? Read(signed) : null;
    }

    private string SignatureOf(string signed) =>
        WebEncoders.Base64UrlEncode(HMACSHA1.HashData(_signingKey, Encoding.UTF8.GetBytes(signed)));
}
