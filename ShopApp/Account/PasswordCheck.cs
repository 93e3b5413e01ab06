using System.Net;
using Microsoft.AspNetCore.Identity;

namespace ShopApp.Account;

public enum PasswordOutcome
{
    Succeeded,

    /// <summary>Too many wrong passwords from this address for this e-mail (<see cref="SignInThrottle"/>).</summary>
    Stopped,

    /// <summary>An unknown e-mail or a wrong password: the same answer, so nobody learns who has an account.</summary>
    Invalid,
}

/// <summary>
/// An e-mail and a password checked the one way the shop has: the sign-in page and the token API (<c>POST
/// /api/token</c>) both come here, so both are throttled per address and account alike, and an unknown e-mail takes
/// as long to refuse as a wrong password.
/// </summary>
public sealed class PasswordCheck(SignInManager<ShopUser> signInManager, SignInThrottle throttle, IPasswordHasher<ShopUser> hasher)
{
    // A real hash to check unknown e-mails against, so they take as long to refuse as wrong passwords do.
    private static readonly string UnknownUserHash = new PasswordHasher<ShopUser>().HashPassword(new ShopUser(), Guid.NewGuid().ToString());

    public async Task<(PasswordOutcome Outcome, ShopUser? User)> CheckAsync(IPAddress? address, string email, string password, CancellationToken cancellationToken)
    {
        if (await throttle.IsStoppedAsync(address, email, cancellationToken))
        {
            hasher.VerifyHashedPassword(new ShopUser(), UnknownUserHash, password);
            return (PasswordOutcome.Stopped, null);
        }

        var user = await signInManager.UserManager.FindByEmailAsync(email);
        if (user is null)
        {
            hasher.VerifyHashedPassword(new ShopUser(), UnknownUserHash, password);
            await throttle.FailedAsync(address, email, cancellationToken);
            return (PasswordOutcome.Invalid, null);
        }

        // Identity's per-account lockout stays off here: it would let anyone lock the owner out (SignInThrottle).
        var result = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            // Locked by an earlier version's count: the same answer as a stopped address.
            return (PasswordOutcome.Stopped, null);
        }
        if (!result.Succeeded)
        {
            await throttle.FailedAsync(address, email, cancellationToken);
            return (PasswordOutcome.Invalid, null);
        }
        await throttle.SucceededAsync(address, email, cancellationToken);
        return (PasswordOutcome.Succeeded, user);
    }
}
