using System.Security.Claims;
using ShopApp.Account;
using ShopApp.Teaching;

namespace ShopApp.Pages.Learn;

/// <summary>Lesson 5: this sign-in and the user's others, all of them rows on the server that can be deleted.</summary>
public class SignOutModel(SignIns signIns) : LessonModel
{
    public string? SignInHash { get; private set; }

    public int ActiveSignIns { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId && User.FindFirstValue(ShopClaims.SignInId) is { } signInId)
        {
            SignInHash = ShortHash.Of(signInId);
            ActiveSignIns = (await signIns.ForUserAsync(userId, cancellationToken)).Count;
        }
    }
}
