using ShopApp.Privacy;
using static ShopApp.Privacy.LegalBasis;

namespace ShopApp.Sessions;

/// <summary>
/// Every session key and cookie name ShopApp uses, in one place, so a class can see at a glance what the server
/// keeps for a visitor and under which name the browser carries the key to it. Each name says what it is for, how
/// long it lives and on what basis (<see cref="KeptAttribute"/>): /Privacy lists them from here.
/// </summary>
public static class SessionKeys
{
    /// <summary>The session cookie. It carries only an opaque, Data Protection-encrypted session id.</summary>
    [Kept(StrictlyNecessary, "Carries your session's id, so the server finds your cart, language and checkout.", "Until you close the browser. The server forgets the session 20 minutes after your last request.")]
    public const string SessionCookie = ".ShopApp.Session";

    /// <summary>
    /// The sign-in cookie. It carries only an encrypted key; the ticket (who the user is) stays on the server in
    /// <see cref="ServerTicketStore"/>.
    /// </summary>
    [Kept(StrictlyNecessary, "Carries the key of your sign-in; who you are stays on the server.", "Until you sign out or close the browser, 20 minutes without a request, or 8 hours at most.")]
    public const string SignInCookie = ".ShopApp.SignIn";

    /// <summary>The antiforgery cookie that pairs with the hidden token in every form.</summary>
    [Kept(StrictlyNecessary, "Proves that a form you send was made by this shop, not by another site.", "Until you close the browser.")]
    public const string AntiforgeryCookie = ".ShopApp.Antiforgery";

    /// <summary>
    /// ASP.NET Core's cookie-policy consent cookie (<c>CookiePolicyOptions.ConsentCookie</c>): present only while the
    /// visitor accepts analytics. ShopApp writes no consent cookie of its own.
    /// </summary>
    [Kept(StrictlyNecessary, "Remembers that you accepted analytics.", "One year, or until you withdraw on this page.")]
    public const string ConsentCookie = ".ShopApp.Consent";

    /// <summary>
    /// Teaching mode only: the HttpOnly lesson's cookie without HttpOnly, set when the learner asks, to show what a
    /// script can read. Its value is random and means nothing.
    /// </summary>
    [Kept(StrictlyNecessary, "Teaching mode only: a demonstration cookie that scripts can read, set when you ask on the HttpOnly lesson.", "One hour, or until you delete it there.")]
    public const string ReadableDemoCookie = ".ShopApp.Demo";

    /// <summary>
    /// Teaching mode only: the cookie-size lesson's Flask-style cookie of the learner's cart, sent only to that
    /// lesson's address, growing a line at a time until the browser refuses to store it.
    /// </summary>
    [Kept(StrictlyNecessary, "Teaching mode only: a Flask-style copy of your cart that grows on the cookie-size lesson, sent only to that page.", "One hour, or until you delete it there.")]
    public const string FlaskDemoCookie = "flask-session-demo";

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
    [Kept(StrictlyNecessary, "Your cart: which products and how many.", "As long as the session.")]
    public const string Cart = "Cart";

    /// <summary>
    /// The checkout so far, as JSON: the shipping address, the delivery method, the card's brand and last four
    /// digits (never the number), and the review form's one-time order token.
    /// </summary>
    [Kept(StrictlyNecessary, "Your checkout so far: address, delivery, the card's brand and last four digits, and a one-time order token.", "Until the order is placed, or as long as the session.")]
    public const string Checkout = "Checkout";

    /// <summary>The language chosen with the picker: "en", "fr" or "de".</summary>
    [Kept(StrictlyNecessary, "The language you chose.", "As long as the session, through sign-out.")]
    public const string Language = "Language";

    /// <summary>
    /// The id of the user this session belongs to, written at sign-in. A request whose sign-in names someone else
    /// (or no one) is given a fresh session: see <see cref="Account.SignInSession"/>.
    /// </summary>
    [Kept(StrictlyNecessary, "Which account this session belongs to, so it is never used for another.", "Until you sign out, or as long as the session.")]
    public const string SignedInUser = "SignedInUser";

    /// <summary>
    /// Teaching mode only: this session's own idle timeout in seconds (the Timeouts lesson shortens it to 30), used
    /// in place of <c>Session:IdleTimeout</c> whenever the session is written. See <see cref="IdleTimeoutSession"/>.
    /// </summary>
    [Kept(StrictlyNecessary, "Teaching mode only: this session's shortened idle timeout, for a lesson.", "As long as the session.")]
    public const string IdleTimeout = "IdleTimeout";

    /// <summary>
    /// Where the framework's <c>SessionStateTempDataProvider</c> keeps TempData: the one-time notices that follow a
    /// post/redirect/get ("Added to your cart"). Read only to see whether a notice is waiting.
    /// </summary>
    [Kept(StrictlyNecessary, "One-time messages shown after an action, such as “Added to your cart”.", "Until the message is shown.")]
    public const string TempData = "__ControllerTempData";

    /// <summary>
    /// Teaching mode only: the CSRF lesson's counter, raised by its deliberately unprotected demo form, so a forged
    /// request can change nothing but this number.
    /// </summary>
    [Kept(StrictlyNecessary, "Teaching mode only: a counter that the cross-site request lesson's unprotected form raises.", "As long as the session.")]
    public const string CsrfDemoCounter = "CsrfDemoCounter";

    /// <summary>
    /// With consent only: the random id that groups this visit's analytics events (never the session id, and never
    /// linked to an account). See <see cref="Analytics.SessionAnalytics"/>.
    /// </summary>
    [Kept(Consent, "A random id that groups this visit's page views and shop events. It is not your session id and is not linked to your account.", "As long as the session; the events it groups are deleted after 30 days.")]
    public const string AnalyticsId = "AnalyticsId";

    /// <summary>The visitor declined analytics: the banner does not ask again during this visit.</summary>
    [Kept(StrictlyNecessary, "Remembers that you declined analytics, so the banner does not ask again during this visit.", "As long as the session.")]
    public const string AnalyticsDeclined = "AnalyticsDeclined";

    /// <summary>
    /// Entries that are preferences of the browser rather than data of the user; they survive sign-out and a
    /// session that no longer matches its user. Everything else is cleared.
    /// </summary>
    public static readonly IReadOnlySet<string> SurvivesSignOut = new HashSet<string>(StringComparer.Ordinal) { Language, AnalyticsId, AnalyticsDeclined };
}
