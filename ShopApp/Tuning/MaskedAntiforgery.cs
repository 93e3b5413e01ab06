using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ShopApp.Tuning;

/// <summary>
/// The framework's antiforgery, with the request token masked in each response that may be compressed: XORed with
/// as many random bytes, which travel with it ("pad.masked", both Base64Url). On the way in, a masked token is
/// unmasked before the framework validates it, so the framework sees the token it issued.
/// </summary>
/// <remarks>
/// Why: <see cref="RememberingDataProtectionProvider"/> hands a visitor the same encrypted token for minutes, and a
/// compressed page that repeats a secret beside text the requester chose is what BREACH reads
/// (Security/HtmlCompression.cs). Masked, the token's bytes differ in every response. The plain path needs no mask:
/// there Data Protection encrypts the token afresh for each response. A token sent unmasked is passed on as it is:
/// it is checked against the cookie all the same.
/// </remarks>
public sealed class MaskedAntiforgery(IAntiforgery inner, IOptions<AntiforgeryOptions> options, IResponseCompressionProvider? compression) : IAntiforgery
{
    // Base64Url never contains a dot, so a dot tells a masked token from a plain one.
    private const char Separator = '.';

    private static readonly object MaskedKey = new();

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => Masked(httpContext, inner.GetAndStoreTokens(httpContext));

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => Masked(httpContext, inner.GetTokens(httpContext));

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        await UnmaskAsync(httpContext);
        return await inner.IsRequestValidAsync(httpContext);
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        await UnmaskAsync(httpContext);
        await inner.ValidateRequestAsync(httpContext);
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    // One mask per response: every form of a page carries the same masked token, the next page another. Only a
    // response that may be compressed needs one (none is in teaching mode, where compression is off).
    private AntiforgeryTokenSet Masked(HttpContext httpContext, AntiforgeryTokenSet tokens)
    {
        if (tokens.RequestToken is not { } token || compression?.CheckRequestAcceptsCompression(httpContext) != true)
        {
            return tokens;
        }
        if (httpContext.Items[MaskedKey] is not (string known, string masked) || known != token)
        {
            masked = Mask(token);
            httpContext.Items[MaskedKey] = (token, masked);
        }
        return new AntiforgeryTokenSet(masked, tokens.CookieToken, tokens.FormFieldName, tokens.HeaderName);
    }

    private async Task UnmaskAsync(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (options.Value.HeaderName is { } header && Unmask(request.Headers[header].ToString()) is { } fromHeader)
        {
            request.Headers[header] = fromHeader;
        }
        if (!request.HasFormContentType)
        {
            return;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(httpContext.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return; // The framework's own read fails the same way and refuses the request.
        }
        var field = options.Value.FormFieldName;
        if (Unmask(form[field].ToString()) is not { } token)
        {
            return;
        }
        var fields = form.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        fields[field] = token;
        httpContext.Features.GetRequiredFeature<IFormFeature>().Form = new FormCollection(fields, form.Files);
    }

    internal static string Mask(string token)
    {
        Span<byte> bytes = token.Length <= 1024 ? stackalloc byte[token.Length] : new byte[token.Length];
        Encoding.ASCII.GetBytes(token, bytes);
        var pad = RandomPad(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= pad[i];
        }
        var half = Base64Url.GetEncodedLength(bytes.Length);
        Span<char> masked = half <= 1024 ? stackalloc char[2 * half + 1] : new char[2 * half + 1];
        Base64Url.EncodeToChars(pad, masked);
        masked[half] = Separator;
        Base64Url.EncodeToChars(bytes, masked[(half + 1)..]);
        return new string(masked);
    }

    // Random bytes drawn from the system's generator a few kilobytes at a time, per thread: one call to it per page
    // costs more than the rest of the masking.
    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_used;

    private static ReadOnlySpan<byte> RandomPad(int length)
    {
        var random = t_random ??= new byte[4096];
        if (length > random.Length)
        {
            return RandomNumberGenerator.GetBytes(length);
        }
        if (t_used == 0 || t_used + length > random.Length)
        {
            RandomNumberGenerator.Fill(random);
            t_used = 0;
        }
        var pad = random.AsSpan(t_used, length);
        t_used += length;
        return pad;
    }

    /// <summary>The token under a mask; null for anything that is not a well-formed masked token (left for the framework to refuse).</summary>
    internal static string? Unmask(string value)
    {
        var at = value.IndexOf(Separator);
        if (at <= 0)
        {
            return null;
        }
        try
        {
            var pad = Base64Url.DecodeFromChars(value.AsSpan(0, at));
            var bytes = Base64Url.DecodeFromChars(value.AsSpan(at + 1));
            if (pad.Length != bytes.Length)
            {
                return null;
            }
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] ^= pad[i];
            }
            return Encoding.ASCII.GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Puts this antiforgery around the one registered. Call after <c>AddAntiforgery()</c> (AddRazorPages adds it).</summary>
    public static void Decorate(IServiceCollection services) =>
        services.DecorateSingleton<IAntiforgery>((provider, inner) =>
            new MaskedAntiforgery(inner, provider.GetRequiredService<IOptions<AntiforgeryOptions>>(), provider.GetService<IResponseCompressionProvider>()));
}
