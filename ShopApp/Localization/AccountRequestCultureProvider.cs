using Microsoft.AspNetCore.Localization;
using ShopApp.Account;

namespace ShopApp.Localization;

/// <summary>
/// Second in line, after the session: the language saved on the signed-in user's account. It travels as a claim
/// in the server-side sign-in, so this costs no query.
/// </summary>
public sealed class AccountRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = httpContext.User.Identity?.IsAuthenticated == true ? httpContext.User.FindFirst(ShopClaims.Culture)?.Value : null;
        return Task.FromResult(Languages.IsSupported(culture) ? new ProviderCultureResult(culture) : null);
    }
}
