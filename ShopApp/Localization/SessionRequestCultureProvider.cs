using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using ShopApp.Sessions;

namespace ShopApp.Localization;

/// <summary>
/// First in line: the language chosen with the picker, from the session. Static files skip it (they have no text
/// to translate), and so does a request without a session cookie, so neither loads a session for nothing.
/// </summary>
public sealed class SessionRequestCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var isPage = httpContext.GetEndpoint()?.Metadata.GetMetadata<ActionDescriptor>() is not null;
        var cookieName = httpContext.RequestServices.GetRequiredService<SessionSettings>().CookieName;
        if (!isPage || !httpContext.Request.Cookies.ContainsKey(cookieName))
        {
            return null;
        }
        var culture = await httpContext.RequestServices.GetRequiredService<LanguageSession>().GetAsync(httpContext.RequestAborted);
        return culture is null ? null : new ProviderCultureResult(culture);
    }
}
