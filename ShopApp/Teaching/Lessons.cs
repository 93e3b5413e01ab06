namespace ShopApp.Teaching;

/// <summary>One lesson of /Learn: its page, and its title and summary as resource keys.</summary>
public sealed record Lesson(string Page, string Title, string Summary);

/// <summary>The lessons, in the order a class takes them: from "HTTP forgets" to "many servers".</summary>
public static class Lessons
{
    public static readonly IReadOnlyList<Lesson> All =
    [
        new("/Learn/Stateless", "HTTP forgets you between requests",
            "Every request arrives on its own. Without a cookie the server cannot tell that two requests came from the same person."),
        new("/Learn/Cookies", "What is in the cookie, and what stays on the server",
            "ShopApp's cookie holds only an encrypted id. A Flask app's cookie holds the session itself, readable by anyone."),
        new("/Learn/Signing", "Signing is not encryption",
            "A signature proves who wrote a value; encryption also hides it. ASP.NET Core Data Protection does both."),
        new("/Learn/Fixation", "A new session id at sign-in",
            "Signing in gives you a new session id, so an id someone planted in your browser beforehand is worthless."),
        new("/Learn/SignOut", "Signing out means deleting on the server",
            "Sign-ins live on the server, so signing out or ending a sign-in elsewhere makes every copy of the cookie useless."),
        new("/Learn/Timeouts", "Sessions end when you go quiet",
            "A session ends after a time without requests. Shorten yours to 30 seconds and watch it go."),
        new("/Learn/Orders", "The cart is in the session, the order in the database",
            "Work in progress lives in the session and may vanish; what must last goes to the database."),
        new("/Learn/Servers", "One server or many",
            "Where sessions are kept decides whether the shop survives a restart and can run on several servers."),
    ];

    public static Lesson Of(string page) => All.First(lesson => lesson.Page == page);

    public static Lesson? After(Lesson lesson) => All.SkipWhile(l => l != lesson).Skip(1).FirstOrDefault();

    public static Lesson? Before(Lesson lesson) => All.TakeWhile(l => l != lesson).LastOrDefault();
}
