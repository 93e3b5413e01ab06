using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace ShopApp.Security;

/// <summary>
/// Where a form may send the browser back to (<c>returnUrl</c>): only an address on this site, and written so that
/// it fits in a <c>Location</c> header whatever it holds. A French search (<c>/?q=thé</c>) is a fine address, but a
/// header may carry only ASCII, so every other character is percent-encoded as UTF-8, as a browser would.
/// </summary>
public static class LocalReturnUrl
{
    /// <summary>The address to redirect to, or null when <paramref name="returnUrl"/> is missing or not local.</summary>
    public static string? Of(IUrlHelper url, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || !url.IsLocalUrl(returnUrl))
        {
            return null;
        }
        var encoded = Encode(returnUrl);
        // Checked again as it will be sent: encoding must not turn it into another site's address.
        return url.IsLocalUrl(encoded) ? encoded : null;
    }

    /// <summary>Percent-encodes every character outside printable ASCII (spaces, controls, non-ASCII).</summary>
    public static string Encode(string address)
    {
        var encoded = new StringBuilder(address.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in address.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
