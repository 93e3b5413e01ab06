using System.Security.Cryptography;
using System.Xml;

namespace ShopApp.Catalog;

public enum ImageProblem
{
    None,
    Missing,
    TooLarge,
    NotAnImage,
    /// <summary>An SVG that carries script, event handlers or embedded HTML: refused rather than cleaned.</summary>
    ActiveSvg,
}

public sealed record ImageUpload(string? Url, ImageProblem Problem);

/// <summary>
/// Product images uploaded from /Admin/Products. The content decides what a file is (its first bytes, or for SVG
/// its XML), never its name. A file is stored once under its SHA-256 in <c>Catalog:ImagesFolder</c> (App_Data,
/// outside wwwroot), so its URL names its content: it can be cached for a year, and a new image is a new URL.
/// </summary>
public sealed class ProductImages(IConfiguration configuration, IHostEnvironment environment)
{
    public const long MaxBytes = 2 * 1024 * 1024;

    public const string UrlPrefix = "/product-images/";

    /// <summary>An SVG opened on its own runs nothing and loads nothing (an &lt;img&gt; never runs its script anyway).</summary>
    public const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    private static readonly Dictionary<string, string> ContentTypes = new()
    {
        ["png"] = "image/png", ["jpg"] = "image/jpeg", ["webp"] = "image/webp", ["svg"] = "image/svg+xml",
    };

    public string Folder { get; } = Path.GetFullPath(configuration["Catalog:ImagesFolder"] ?? "App_Data/product-images", environment.ContentRootPath);

    public async Task<ImageUpload> SaveAsync(IFormFile? file, CancellationToken cancellationToken = default)
    {
        if (file is null || file.Length == 0)
        {
            return new(null, ImageProblem.Missing);
        }
        if (file.Length > MaxBytes)
        {
            return new(null, ImageProblem.TooLarge);
        }
        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }
        var (extension, problem) = Recognize(bytes);
        if (extension is null)
        {
            return new(null, problem);
        }
        var name = $"{Convert.ToHexStringLower(SHA256.HashData(bytes))}.{extension}";
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Folder);
            // Written beside and then moved: a reader never sees half a file under the final name.
            var partial = path + "." + Guid.NewGuid().ToString("N") + ".part";
            await File.WriteAllBytesAsync(partial, bytes, cancellationToken);
            File.Move(partial, path, overwrite: true);
        }
        return new(UrlPrefix + name, ImageProblem.None);
    }

    /// <summary>The extension the content shows, or the reason it is refused.</summary>
    public static (string? Extension, ImageProblem Problem) Recognize(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("png", ImageProblem.None);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("jpg", ImageProblem.None);
        }
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return ("webp", ImageProblem.None);
        }
        return SvgCheck(bytes.ToArray());
    }

    private static (string?, ImageProblem) SvgCheck(byte[] bytes)
    {
        // No DTD (no entity expansion), no external resolution: the parser reads only these bytes.
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            var root = true;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (root && (reader.LocalName != "svg" || reader.NamespaceURI != "http://www.w3.org/2000/svg"))
                {
                    return (null, ImageProblem.NotAnImage);
                }
                root = false;
                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object" || HasActiveAttribute(reader))
                {
                    return (null, ImageProblem.ActiveSvg);
                }
            }
            return root ? (null, ImageProblem.NotAnImage) : ("svg", ImageProblem.None);
        }
        catch (XmlException)
        {
            return (null, ImageProblem.NotAnImage);
        }
    }

    private static bool HasActiveAttribute(XmlReader reader)
    {
        while (reader.MoveToNextAttribute())
        {
            if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                || (reader.LocalName == "href" && reader.Value.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }
        reader.MoveToElement();
        return false;
    }

    /// <summary>Serves an uploaded image by its content name, with a year of caching; unknown names are 404.</summary>
    public IResult Serve(string name, HttpContext context)
    {
        var dot = name.LastIndexOf('.');
        if (dot != 64 || !name[..64].All(char.IsAsciiHexDigitLower) || !ContentTypes.TryGetValue(name[65..], out var contentType))
        {
            return Results.NotFound();
        }
        var path = Path.Combine(Folder, name);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        if (contentType == "image/svg+xml")
        {
            context.Response.Headers.ContentSecurityPolicy = SvgPolicy;
        }
        return Results.File(path, contentType);
    }
}
