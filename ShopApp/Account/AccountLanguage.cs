using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using ShopApp.Localization;

namespace ShopApp.Account;

/// <summary>
/// The language saved on a signed-in user's account: written when they choose one, read back into the session at
/// their next sign-in (see <see cref="SignInSession.SignedInAsync"/>), on whatever browser that is.
/// </summary>
public sealed class AccountLanguage(UserManager<ShopUser> users, SignIns signIns)
{
    /// <summary>Saves <paramref name="culture"/> as the signed-in user's language. Does nothing for an anonymous visitor.</summary>
    public async Task SaveAsync(ClaimsPrincipal principal, string culture, CancellationToken cancellationToken = default)
    {
        if (!Languages.IsSupported(culture))
        {
            throw new ArgumentException($"'{culture}' is not a supported language.", nameof(culture));
        }
        if (principal.Identity?.IsAuthenticated != true || await users.GetUserAsync(principal) is not { } user)
        {
            return;
        }
        if (user.PreferredCulture != culture)
        {
            user.PreferredCulture = culture;
            await users.UpdateAsync(user);
        }
        // The user's sign-ins carry the language as a claim (the culture's fallback after the session): keep it true.
        await signIns.ReplaceClaimAsync(user.Id, exceptSignInId: null, ShopClaims.Culture, culture, cancellationToken);
    }
}
