using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 4: the session id before and after signing in (learn.js remembers the one seen last).</summary>
public class FixationModel(SessionInspector inspector) : LessonModel
{
    public SessionSnapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Snapshot = await inspector.ReadAsync(HttpContext, cancellationToken);
}
