using Microsoft.AspNetCore.Mvc.RazorPages;
using ShopApp.Teaching;

namespace ShopApp.Pages.Session;

/// <summary>Teaching mode: the session inspector as a page of its own, with what each part means.</summary>
public class IndexModel(SessionInspector inspector) : PageModel
{
    public SessionSnapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Snapshot = await inspector.ReadAsync(HttpContext, cancellationToken);
}
