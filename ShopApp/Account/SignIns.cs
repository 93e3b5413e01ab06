using Microsoft.EntityFrameworkCore;
using ShopApp.Data;
using ShopApp.Sessions;

namespace ShopApp.Account;

/// <summary>A user's active sign-ins: listed from the SignIns index, ended through the ticket store.</summary>
public sealed class SignIns(ShopDbContext db, ServerTicketStore tickets, SessionSettings session, TimeProvider time)
{
    /// <summary>
    /// Sign-ins that may still be alive. Last-seen is only written once a minute, so one seen just under the idle
    /// timeout ago is shown rather than hidden: a list that errs on the side of showing can be trusted.
    /// </summary>
    private IQueryable<SignIn> Active()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var idleSince = now - session.IdleTimeout - SignInIndex.LastSeenResolution;
        return db.SignIns.Where(s => s.ExpiresAtUtc > now && s.LastSeenAtUtc > idleSince);
    }

    public async Task<IReadOnlyList<SignIn>> ForUserAsync(string userId, CancellationToken cancellationToken = default)
    {
        await ForgetEndedAsync(userId, cancellationToken);
        return await Active().AsNoTracking().Where(s => s.UserId == userId)
            .OrderByDescending(s => s.LastSeenAtUtc).ToListAsync(cancellationToken);
    }

    public async Task<Dictionary<string, int>> CountByUserAsync(CancellationToken cancellationToken = default) =>
        await Active().GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>Ends one of the user's sign-ins. False when it is not theirs (or already gone).</summary>
    public async Task<bool> RevokeAsync(string userId, string signInId, CancellationToken cancellationToken = default)
    {
        if (!await db.SignIns.AnyAsync(s => s.Id == signInId && s.UserId == userId, cancellationToken))
        {
            return false;
        }
        await tickets.RevokeAsync(signInId, cancellationToken);
        return true;
    }

    /// <summary>Ends every sign-in of the user except <paramref name="keepSignInId"/> (all of them when null).</summary>
    public async Task<int> RevokeAllAsync(string userId, string? keepSignInId, CancellationToken cancellationToken = default)
    {
        var ids = await db.SignIns.Where(s => s.UserId == userId && s.Id != keepSignInId).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await tickets.RevokeAsync(id, cancellationToken);
        }
        return ids.Count;
    }

    /// <summary>
    /// Gives the user's active sign-ins, except <paramref name="exceptSignInId"/>, a new value for one claim: the new
    /// security stamp after a password change (so it does not end them), the newly saved language.
    /// </summary>
    public Task ReplaceClaimAsync(string userId, string? exceptSignInId, string claimType, string value, CancellationToken cancellationToken = default) =>
        ReplaceClaimsAsync(userId, exceptSignInId, claimType, [value], cancellationToken);

    /// <summary>Gives every active sign-in of the user new values for one claim type: their roles, after a change.</summary>
    public async Task ReplaceClaimsAsync(string userId, string? exceptSignInId, string claimType, IReadOnlyCollection<string> values, CancellationToken cancellationToken = default)
    {
        var ids = await db.SignIns.Where(s => s.UserId == userId && s.Id != exceptSignInId).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            await tickets.ReplaceClaimsAsync(id, claimType, values, cancellationToken);
        }
    }

    /// <summary>Rows whose tickets have expired (idle or absolute) are index entries for nothing; they go.</summary>
    private Task ForgetEndedAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var idleSince = now - session.IdleTimeout - SignInIndex.LastSeenResolution;
        return db.SignIns.Where(s => s.UserId == userId && (s.ExpiresAtUtc <= now || s.LastSeenAtUtc <= idleSince)).ExecuteDeleteAsync(cancellationToken);
    }
}
