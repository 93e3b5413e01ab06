using System.Buffers;
using System.Text;

namespace ShopApp.Tuning;

/// <summary>
/// A rendered page as UTF-8, cut at every place where the visitor's antiforgery token goes. Serving it writes the
/// pieces with the token between them, and nothing else of the page depends on the visitor (see <see cref="PageCache"/>).
/// </summary>
public sealed class PageTemplate
{
    /// <summary>
    /// What a form receives in place of a token while a page is recorded. Random per process, so no product name or
    /// other text can contain it by chance or by design.
    /// </summary>
    public static readonly string TokenHole = $"shopapp-token-hole-{Guid.NewGuid():N}";

    private static readonly byte[] HoleBytes = Encoding.ASCII.GetBytes(TokenHole);

    private readonly byte[][] _pieces;

    private PageTemplate(byte[][] pieces, string? contentType)
    {
        _pieces = pieces;
        ContentType = contentType;
        Size = pieces.Sum(p => p.Length);
    }

    public string? ContentType { get; }

    /// <summary>The bytes kept, for the cache's size limit.</summary>
    public int Size { get; }

    /// <summary>How many tokens the page holds (its forms).</summary>
    public int Holes => _pieces.Length - 1;

    public static PageTemplate Cut(ReadOnlySpan<byte> page, string? contentType)
    {
        var pieces = new List<byte[]>();
        while (true)
        {
            var at = page.IndexOf(HoleBytes);
            if (at < 0)
            {
                pieces.Add(page.ToArray());
                return new PageTemplate([.. pieces], contentType);
            }
            pieces.Add(page[..at].ToArray());
            page = page[(at + HoleBytes.Length)..];
        }
    }

    /// <summary>The page for one visitor: <paramref name="requestToken"/> (Base64Url, so plain ASCII) in every hole.</summary>
    public async Task WriteToAsync(HttpResponse response, string? requestToken, CancellationToken cancellationToken)
    {
        if (Holes > 0 && requestToken is null)
        {
            throw new InvalidOperationException("The page has forms but no antiforgery token was made for it.");
        }
        var token = Holes > 0 ? Encoding.ASCII.GetBytes(requestToken!) : [];
        if (ContentType is not null)
        {
            response.ContentType = ContentType;
        }
        response.ContentLength = Size + Holes * token.Length;
        var writer = response.BodyWriter;
        for (var i = 0; i < _pieces.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(token);
            }
            writer.Write(_pieces[i]);
        }
        await writer.FlushAsync(cancellationToken);
    }
}
