using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using ShopApp.Account;

namespace ShopApp.Api;

/// <summary>
/// The token API beside the session-based shop: JwtBearer checks the <c>Authorization: Bearer</c> header of
/// <c>/api</c> requests and nothing else, so the API takes no cookie and needs no antiforgery token.
/// </summary>
public static class ApiSetup
{
    public const string Issuer = "ShopApp";

    public const string Audience = "ShopApp.Api";

    /// <summary>The authorization policy of the API: a valid bearer token, cookies ignored.</summary>
    public const string Policy = "api";

    public static IServiceCollection AddShopApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ApiSettings.Section).Get<ApiSettings>() ?? new ApiSettings();
        var key = new SymmetricSecurityKey(SigningKey(settings, environment));
        services.AddSingleton(settings);
        services.AddSingleton(provider => new TokenIssuer(key, settings, provider.GetRequiredService<TimeProvider>()));

        services.AddAuthentication().AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = Issuer,
                ValidAudience = Audience,
                IssuerSigningKey = key,
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                // A token ends when it says: the lesson counts down to that second.
                ClockSkew = TimeSpan.Zero,
                NameClaimType = "name",
            };
            options.Events = new JwtBearerEvents
            {
                // A valid signature is not enough: an erased or locked account's tokens read nothing.
                OnTokenValidated = async context =>
                {
                    var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<ShopUser>>();
                    var user = context.Principal?.FindFirst("sub")?.Value is { } id ? await users.FindByIdAsync(id) : null;
                    if (user is null || await users.IsLockedOutAsync(user))
                    {
                        context.Fail("The account behind this token is gone or locked.");
                    }
                },
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    context.Response.Headers.WWWAuthenticate = "Bearer";
                    await ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized,
                        context.AuthenticateFailure is null ? "A bearer token is needed." : "The bearer token is expired, changed or of an account that is gone.");
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy
            .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme)
            .RequireAuthenticatedUser());
        return services;
    }

    private static byte[] SigningKey(ApiSettings settings, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            var configured = Convert.FromBase64String(settings.SigningKey);
            return configured.Length >= 32 ? configured : throw new InvalidOperationException("Api:SigningKey must be at least 32 bytes in Base64.");
        }
        var path = Path.GetFullPath(settings.SigningKeyPath, environment.ContentRootPath);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Made once and kept, so tokens outlive a restart; whoever can read App_Data can sign tokens. Written
            // aside and moved into place, so an instance starting beside this one never reads half a key.
            var aside = $"{path}.{Guid.NewGuid():N}";
            File.WriteAllBytes(aside, RandomNumberGenerator.GetBytes(32));
            try
            {
                File.Move(aside, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another instance on the same folder made it first: use theirs.
                File.Delete(aside);
            }
        }
        return File.ReadAllBytes(path);
    }
}
