namespace ShopApp.Teaching;

/// <summary>One lesson of /Learn: its page, and its title, summary and group as resource keys.</summary>
public sealed record Lesson(string Page, string Title, string Summary, string Group = Lessons.HowSessionsWork);

/// <summary>
/// The lessons, in the order a class takes them, in three groups: how a session works (from "HTTP forgets" to "many
/// servers"), how it is attacked and defended, and who you are and what is kept about you.
/// </summary>
public static class Lessons
{
    public const string HowSessionsWork = "How a session works";

    public const string AttacksAndDefences = "Attacks and defences";

    public const string IdentityAndPrivacy = "Who you are, and what is kept";

    public static readonly IReadOnlyList<string> Groups = [HowSessionsWork, AttacksAndDefences, IdentityAndPrivacy];

    public static readonly IReadOnlyList<Lesson> All =
    [
        new("/Learn/Stateless", "HTTP forgets you between requests",
            "Every request arrives on its own. Without a cookie the server cannot tell that two requests came from the same person."),
        new("/Learn/Cookies", "What is in the cookie, and what stays on the server",
            "ShopApp's cookie holds only an encrypted id. A Flask app's cookie holds the session itself, readable by anyone."),
        new("/Learn/Signing", "Signing is not encryption",
            "A signature proves who wrote a value; encryption also hides it. ASP.NET Core Data Protection does both."),
        new("/Learn/CookieSize", "The 4 KB cookie",
            "A cookie that carries the session grows with the cart until the browser silently stops storing it. ShopApp's cookie keeps its size."),
        new("/Learn/Timeouts", "Sessions end when you go quiet",
            "A session ends after a time without requests. Shorten yours to 30 seconds and watch it go."),
        new("/Learn/Orders", "The cart is in the session, the order in the database",
            "Work in progress lives in the session and may vanish; what must last goes to the database."),
        new("/Learn/Servers", "One server or many",
            "Where sessions are kept decides whether the shop survives a restart and can run on several servers."),
        new("/Learn/Fixation", "A new session id at sign-in",
            "Signing in gives you a new session id, so an id someone planted in your browser beforehand is worthless.", AttacksAndDefences),
        new("/Learn/SignOut", "Signing out means deleting on the server",
            "Sign-ins live on the server, so signing out or ending a sign-in elsewhere makes every copy of the cookie useless.", AttacksAndDefences),
        new("/Learn/Hijacking", "Whoever holds the cookie is you",
            "Copy your session cookie into another browser and your cart appears there. Signing out, a new id at sign-in or ending the sign-in makes the copy worthless.", AttacksAndDefences),
        new("/Learn/Csrf", "Forms sent from other sites",
            "Another site can make your browser send a form to the shop. The antiforgery token and the SameSite cookie refuse it.", AttacksAndDefences),
        new("/Learn/HttpOnly", "Scripts and HttpOnly cookies",
            "An injected script can read every cookie that is not HttpOnly. The session and sign-in cookies are, and the shop's Content Security Policy blocks inline scripts.", AttacksAndDefences),
        new("/Learn/Roles", "Roles ride in the sign-in ticket",
            "Your roles are in the ticket on the server and checked on every request; when an admin changes them, the ticket follows.", IdentityAndPrivacy),
        new("/Learn/Tokens", "Tokens or sessions",
            "A token carries who you are and is checked without a lookup, but nothing can end it before it expires. A session ends the moment you sign out.", IdentityAndPrivacy),
        new("/Learn/Privacy", "What the shop keeps about you",
            "Every cookie and session entry the shop holds for you right now: what for, for how long, and on what grounds.", IdentityAndPrivacy),
    ];

    public static Lesson Of(string page) => All.First(lesson => lesson.Page == page);

    public static Lesson? After(Lesson lesson) => All.SkipWhile(l => l != lesson).Skip(1).FirstOrDefault();

    public static Lesson? Before(Lesson lesson) => All.TakeWhile(l => l != lesson).LastOrDefault();
}
