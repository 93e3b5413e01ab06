using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Sessions;

namespace ShopApp.Account;

public static class AccountSetup
{
    /// <summary>ASP.NET Core Identity over ShopDbContext, with the sign-in cookie pointing at a server-side ticket.</summary>
    public static IServiceCollection AddShopAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(configuration.GetSection(SignInSettings.Section).Get<SignInSettings>() ?? new SignInSettings());
        services.AddSingleton<SignInIndex>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<PasswordCheck>();
        services.AddScoped<DemoAccounts>();
        services.AddShopSignInRateLimit();
        services.AddSingleton<ServerTicketStore>();
        services.AddScoped<SessionRotation>();
        services.AddScoped<SignInSession>();
        services.AddScoped<SignIns>();
        services.AddScoped<AccountLanguage>();

        services.AddIdentity<ShopUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Five wrong passwords lock the account for five minutes: enough to stop guessing, short enough for a typo.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Lockout.AllowedForNewUsers = true;
                // Every account counts as confirmed except a demo account while Seed:DemoUsers is off (DemoAccounts).
                options.SignIn.RequireConfirmedAccount = true;
                // Password rules stay Identity's defaults (6+ characters, upper, lower, digit, symbol).
            })
            .AddEntityFrameworkStores<ShopDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddClaimsPrincipalFactory<ShopClaimsPrincipalFactory>()
            .AddUserConfirmation<DemoAccounts>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<ServerTicketStore, SessionSettings>((options, store, session) =>
            {
                // The cookie carries a key; the ticket stays on the server, where sign-out can delete it.
                options.SessionStore = store;
                SessionSetup.ApplyCookiePolicy(options.Cookie, SessionKeys.SignInCookie, environment);
                // Idle timeout as the session's, renewed while the user is active; the absolute limit is SignIn:Lifetime.
                options.ExpireTimeSpan = session.IdleTimeout;
                options.SlidingExpiration = true;
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    // A real 403 (rendered by the status page), not a redirect to a page that answers 200.
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services.AddScoped<UserRoles>();
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<SignInSettings>((options, signIn) => options.ValidationInterval = signIn.ValidationInterval);
        services.AddAuthorizationBuilder().AddShopPolicies();

        return services;
    }
}

/// <summary>
/// Adds the display name and the saved language to the signed-in user's claims, so the header can greet them and
/// the culture can fall back to their language without a query.
/// </summary>
public sealed class ShopClaimsPrincipalFactory(UserManager<ShopUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShopUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShopUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ShopClaims.DisplayName, user.DisplayName));
        if (Languages.IsSupported(user.PreferredCulture))
        {
            identity.AddClaim(new Claim(ShopClaims.Culture, user.PreferredCulture!));
        }
        return identity;
    }
}
