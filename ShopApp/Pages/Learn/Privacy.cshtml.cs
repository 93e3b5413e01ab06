using ShopApp.Privacy;
using ShopApp.Sessions;

namespace ShopApp.Pages.Learn;

/// <summary>
/// Lesson: what the shop holds about this learner right now. Only names, sizes and reasons: every value stays on
/// the server (the inspector shows values, masked where it must).
/// </summary>
public class PrivacyModel : LessonModel
{
    public sealed record Held(string Name, int Bytes, KeptItem? Kept);

    public IReadOnlyList<Held> Cookies { get; private set; } = [];

    public IReadOnlyList<Held> Entries { get; private set; } = [];

    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cookies = [.. Request.Cookies.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new Held(SessionKeys.WithoutHostPrefix(c.Key), c.Key.Length + c.Value.Length, PrivacyInventory.Find(c.Key)))];
        await HttpContext.Session.LoadAsync(cancellationToken);
        Entries = [.. HttpContext.Session.Keys.Order(StringComparer.Ordinal)
            .Select(key => new Held(key, HttpContext.Session.TryGetValue(key, out var value) ? value.Length : 0, PrivacyInventory.Find(key)))];
    }
}
