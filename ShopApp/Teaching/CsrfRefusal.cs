using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;

namespace ShopApp.Teaching;

/// <summary>
/// What a form refused by the antiforgery check carried, for the status page to explain in teaching mode (the CSRF
/// lesson): the token, the cookies, and where the browser says the request came from.
/// </summary>
public sealed record CsrfRefusal(bool TokenSent, bool SessionCookieSent, bool AntiforgeryCookieSent, string? Origin, string? FetchSite)
{
    private const string ItemKey = nameof(CsrfRefusal);

    public static CsrfRefusal? Of(HttpContext context) => context.Items[ItemKey] as CsrfRefusal;

    /// <summary>Notes every antiforgery refusal on the request, which the status page re-executes on.</summary>
    public sealed class Witness(SessionOptions session, Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions antiforgery) : IAlwaysRunResultFilter
    {
        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.Result is not IAntiforgeryValidationFailedResult)
            {
                return;
            }
            var request = context.HttpContext.Request;
            var tokenSent = request.Headers.ContainsKey(antiforgery.HeaderName!)
                || (request.HasFormContentType && request.Form.ContainsKey(antiforgery.FormFieldName));
            context.HttpContext.Items[ItemKey] = new CsrfRefusal(tokenSent,
                request.Cookies.ContainsKey(session.Cookie.Name!), request.Cookies.ContainsKey(antiforgery.Cookie.Name!),
                request.Headers.Origin.ToString() is { Length: > 0 } origin ? origin : null,
                request.Headers["Sec-Fetch-Site"].ToString() is { Length: > 0 } site ? site : null);
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
