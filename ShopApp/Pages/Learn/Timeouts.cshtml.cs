using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Sessions;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 6: this session's idle timeout, which the learner may shorten to 30 seconds and restore.</summary>
public class TimeoutsModel(IdleTimeoutSession idleTimeout, SessionSettings settings, SignInSettings signIn, IStringLocalizer<ShopText> t) : LessonModel
{
    public TimeSpan Current { get; private set; }

    public TimeSpan Configured => settings.IdleTimeout;

    public TimeSpan SignInLifetime => signIn.Lifetime;

    public async Task OnGetAsync(CancellationToken cancellationToken) => Current = await idleTimeout.GetAsync(cancellationToken);

    public async Task<IActionResult> OnPostShortenAsync(CancellationToken cancellationToken)
    {
        await idleTimeout.ShortenAsync(cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["This session now ends after {0} seconds without a request. Wait, then reload.", (int)IdleTimeoutSession.Shortened.TotalSeconds]));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken cancellationToken)
    {
        await idleTimeout.RestoreAsync(cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["This session has the normal idle timeout again."]));
        return RedirectToPage();
    }
}
