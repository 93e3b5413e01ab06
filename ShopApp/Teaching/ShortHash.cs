using System.Security.Cryptography;
using System.Text;

namespace ShopApp.Teaching;

/// <summary>
/// How teaching mode names a secret without showing it: the first 8 hex digits of its SHA-256. Enough to see that
/// two values are the same or differ (the session id before and after sign-in), useless for rebuilding the value.
/// </summary>
public static class ShortHash
{
    public static string Of(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
}
