using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ShopApp.Account;
using ShopApp.Localization;
using ShopApp.Pages.Shared;
using ShopApp.Privacy;

namespace ShopApp.Pages.Account;

/// <summary>
/// <c>/Account/Data</c>: everything the shop keeps about the signed-in account, on the page and as JSON
/// (<c>?format=json</c>); and erasing the account, after the password is entered again.
/// </summary>
public class DataModel(UserManager<ShopUser> users, SignInManager<ShopUser> signInManager, AccountData data, SignInSession signInSession, IStringLocalizer<ShopText> t) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public AccountDataExport Export { get; private set; } = null!;

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Export = await data.ExportAsync(user, cancellationToken);
        if (format == "json")
        {
            Response.Headers.CacheControl = "no-store";
            return File(JsonSerializer.SerializeToUtf8Bytes(Export, Json), "application/json", "shopapp-my-data.json");
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? password, CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        var outcome = await data.EraseAsync(user, password, cancellationToken);
        if (outcome != EraseOutcome.Erased)
        {
            Problem = outcome == EraseOutcome.LastAdmin
                ? t["You are the shop's only admin: make someone else an admin before erasing your account."]
                : t["That is not your password. Nothing was erased."];
            Export = await data.ExportAsync(user, cancellationToken);
            return Page();
        }
        await signInManager.SignOutAsync();
        await signInSession.ErasedAsync(cancellationToken);
        Notice.Set(TempData, new Notice(NoticeKind.Success, t["Your account is erased. Its orders stay in the shop's books without your name, address or phone."]));
        return RedirectToPage("/Products/Index");
    }
}
