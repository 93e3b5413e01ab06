namespace ShopApp.Sessions;

/// <summary>
/// Every session key and cookie name ShopApp uses, in one place, so a class can see at a glance what the server
/// keeps for a visitor and under which name the browser carries the key to it.
/// </summary>
public static class SessionKeys
{
    /// <summary>The session cookie. It carries only an opaque, Data Protection-encrypted session id.</summary>
    public const string SessionCookie = ".ShopApp.Session";

    /// <summary>
    /// The sign-in cookie. It carries only an encrypted key; the ticket (who the user is) stays on the server in
    /// <see cref="ServerTicketStore"/>.
    /// </summary>
    public const string SignInCookie = ".ShopApp.SignIn";

    /// <summary>The antiforgery cookie that pairs with the hidden token in every form.</summary>
    public const string AntiforgeryCookie = ".ShopApp.Antiforgery";

    /// <summary>
    /// Outside Development and Classroom the three cookies above carry this prefix (<c>__Host-.ShopApp.Session</c>):
    /// a browser then keeps them only when set over HTTPS, by this host, for the whole site and with no Domain, so a
    /// neighbouring subdomain can neither plant nor overwrite them. Development runs on plain HTTP, and the classroom
    /// keeps the names its lessons show.
    /// </summary>
    public const string HostPrefix = "__Host-";

    /// <summary>Whether the cookies carry <see cref="HostPrefix"/> in this environment.</summary>
    public static bool UsesHostPrefix(IHostEnvironment environment) =>
        !environment.IsDevelopment() && !environment.IsEnvironment(Teaching.ClassroomSetup.Environment);

    /// <summary>A cookie's name as this environment sets it.</summary>
    public static string CookieName(string name, IHostEnvironment environment) =>
        UsesHostPrefix(environment) && !name.StartsWith(HostPrefix, StringComparison.Ordinal) ? HostPrefix + name : name;

    /// <summary>A cookie's name without <see cref="HostPrefix"/>: what the inspector and the privacy list call it.</summary>
    public static string WithoutHostPrefix(string name) =>
        name.StartsWith(HostPrefix, StringComparison.Ordinal) ? name[HostPrefix.Length..] : name;

    /// <summary>The cart, as JSON: <c>{"lines":[{"productId":3,"quantity":2}]}</c>.</summary>
    public const string Cart = "Cart";

    /// <summary>
    /// The checkout so far, as JSON: the shipping address, the delivery method, the card's brand and last four
    /// digits (never the number), and the review form's one-time order token.
    /// </summary>
    public const string Checkout = "Checkout";

    /// <summary>The language chosen with the picker: "en", "fr" or "de".</summary>
    public const string Language = "Language";

    /// <summary>
    /// The id of the user this session belongs to, written at sign-in. A request whose sign-in names someone else
    /// (or no one) is given a fresh session: see <see cref="Account.SignInSession"/>.
    /// </summary>
    public const string SignedInUser = "SignedInUser";

    /// <summary>
    /// Teaching mode only: this session's own idle timeout in seconds (the Timeouts lesson shortens it to 30), used
    /// in place of <c>Session:IdleTimeout</c> whenever the session is written. See <see cref="IdleTimeoutSession"/>.
    /// </summary>
    public const string IdleTimeout = "IdleTimeout";

    /// <summary>
    /// Where the framework's <c>SessionStateTempDataProvider</c> keeps TempData: the one-time notices that follow a
    /// post/redirect/get ("Added to your cart"). Read only to see whether a notice is waiting.
    /// </summary>
    public const string TempData = "__ControllerTempData";

    /// <summary>
    /// Entries that are preferences of the browser rather than data of the user; they survive sign-out and a
    /// session that no longer matches its user. Everything else is cleared.
    /// </summary>
    public static readonly IReadOnlySet<string> SurvivesSignOut = new HashSet<string>(StringComparer.Ordinal) { Language };
}
