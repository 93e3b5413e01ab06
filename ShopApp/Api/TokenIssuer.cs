using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShopApp.Account;

namespace ShopApp.Api;

/// <summary>Signs the short-lived JWTs of <c>POST /api/token</c>: who the user is, and until when.</summary>
public sealed class TokenIssuer(SecurityKey key, ApiSettings settings, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public IssuedToken Issue(ShopUser user)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + settings.TokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ApiSetup.Issuer,
            Audience = ApiSetup.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", user.Id),
                new Claim("name", user.DisplayName),
                new Claim("email", user.Email ?? ""),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
        return new IssuedToken(token, "Bearer", (int)settings.TokenLifetime.TotalSeconds, expires);
    }
}

/// <summary>The answer of <c>POST /api/token</c>, in OAuth 2.0's names.</summary>
public sealed record IssuedToken(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_at")] DateTime ExpiresAt);
