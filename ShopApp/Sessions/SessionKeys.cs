namespace ShopApp.Sessions;

/// <summary>
/// Every session key and cookie name ShopApp uses, in one place, so a class can see at a glance what the server
/// keeps for a visitor and under which name the browser carries the key to it.
/// </summary>
public static class SessionKeys
{
    /// <summary>The session cookie. It carries only an opaque, Data Protection-encrypted session id.</summary>
    public const string SessionCookie = ".ShopApp.Session";

    /// <summary>The antiforgery cookie that pairs with the hidden token in every form.</summary>
    public const string AntiforgeryCookie = ".ShopApp.Antiforgery";

    /// <summary>The cart, as JSON: <c>{"lines":[{"productId":3,"quantity":2}]}</c>.</summary>
    public const string Cart = "Cart";
}
