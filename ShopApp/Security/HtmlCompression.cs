using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;
using ShopApp.Teaching;

namespace ShopApp.Security;

/// <summary>
/// Pages are compressed (Brotli or gzip, as the browser asks); static files already are, by MapStaticAssets.
/// </summary>
/// <remarks>
/// The framework leaves compression off over HTTPS because of BREACH: an attacker who can make a victim's browser
/// fetch a compressed page that holds a secret beside text the attacker chose can read the secret from the sizes of
/// the responses. ShopApp's pages do reflect what a requester chose (the search box, the return address in the
/// language picker), so compressing them is safe only because no page holds a secret that is the same from one
/// response to the next:
/// - the antiforgery token in the forms differs in every response: Data Protection encrypts it afresh each time, and
///   the tuning wing, which remembers encryptions, masks it in every response that may be compressed (Tuning/MaskedAntiforgery.cs);
/// - the session and sign-in cookies never appear in a page, except in teaching mode, whose lessons and inspector
///   show them to the learner: with teaching on, no page is compressed;
/// - JSON is not compressed: the token API's answer holds a bearer token.
/// </remarks>
public static class HtmlCompression
{
    public static IServiceCollection AddShopCompression(this IServiceCollection services, IConfiguration configuration)
    {
        if (TeachingIsOn(configuration))
        {
            return services;
        }
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html"];
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        // A page is made for one request: the fastest level keeps most of the gain for a fraction of the work.
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }

    public static IApplicationBuilder UseShopCompression(this IApplicationBuilder app, IConfiguration configuration) =>
        TeachingIsOn(configuration) ? app : app.UseResponseCompression();

    private static bool TeachingIsOn(IConfiguration configuration) =>
        configuration.GetSection(TeachingSettings.Section).Get<TeachingSettings>()?.Enabled == true;
}
