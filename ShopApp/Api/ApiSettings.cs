namespace ShopApp.Api;

/// <summary>The token API's settings, section <c>Api</c>.</summary>
public sealed class ApiSettings
{
    public const string Section = "Api";

    /// <summary>
    /// How long a token from <c>POST /api/token</c> reads orders. Short, because nothing can end a token early:
    /// signing out ends the browser's session at once, but a token lives until it expires.
    /// </summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The key that signs tokens, in Base64 (at least 32 bytes). Several instances need the same one. When it is
    /// not set, a key is made on first start and kept in <see cref="SigningKeyPath"/>.
    /// </summary>
    public string? SigningKey { get; set; }

    public string SigningKeyPath { get; set; } = "App_Data/api-signing.key";
}
