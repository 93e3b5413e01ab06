using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Cart;
using ShopApp.Data;
using ShopApp.Localization;
using ShopApp.Sessions;

namespace ShopApp.Teaching;

/// <summary>
/// The teacher's view of the classroom: every live session in the store (listed by <see cref="ISessionDirectory"/>,
/// which slides none of them), the sign-ins and orders of the last minutes, and the button that ends everyone's
/// session and sign-in but the teacher's own. The memory store cannot be listed, so with it only the counts show.
/// </summary>
public sealed class Classroom(
    IServiceProvider services,
    IDistributedCache cache,
    ServerTicketStore tickets,
    ISessionLocks locks,
    ShopDbContext db,
    TimeProvider time)
{
    /// <summary>"Recent" on the dashboard: about a lesson's length.</summary>
    public static readonly TimeSpan Recent = TimeSpan.FromMinutes(15);

    /// <summary>The dashboard lists at most this many sessions, most recently seen first; the counts cover all.</summary>
    public const int MaxListed = 200;

    // Null for the memory store: it cannot list its entries without keeping them all alive.
    private ISessionDirectory? Store => services.GetService<ISessionDirectory>();

    public bool CanListSessions => Store is not null;

    public async Task<ClassroomView> ReadAsync(string? ownSessionKey, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - Recent;
        var signIns = await db.SignIns.CountAsync(s => s.SignedInAtUtc >= since && s.ExpiresAtUtc > now, cancellationToken);
        var orders = await db.Orders.CountAsync(o => o.PlacedAtUtc >= since, cancellationToken);
        if (Store is not { } store)
        {
            return new ClassroomView(null, signIns, orders, []);
        }

        var sessions = new List<ClassroomSession>();
        foreach (var stored in await store.ListAsync(cancellationToken))
        {
            if (SessionFormat.Read(stored.Value) is not { } entries)
            {
                continue;
            }
            string? Text(string key) => entries.TryGetValue(key, out var value) ? Encoding.UTF8.GetString(value) : null;
            var cart = CartSession.Parse(Text(SessionKeys.Cart));
            sessions.Add(new ClassroomSession(
                ShortHash.Of(stored.Key),
                stored.Key == ownSessionKey,
                Text(SessionKeys.SignedInUser),
                null,
                LanguageSession.Parse(Text(SessionKeys.Language)),
                cart.Lines.Count,
                cart.ItemCount,
                stored.LastSeen.UtcDateTime));
        }

        var userIds = sessions.Select(s => s.UserId).OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.Email ?? u.DisplayName, cancellationToken);
        var listed = sessions
            .Select(s => s with { User = s.UserId is { } id ? names.GetValueOrDefault(id) : null })
            .OrderByDescending(s => s.LastSeenUtc)
            .ToList();
        return new ClassroomView(
            new SessionCounts(listed.Count, listed.Count(s => s.CartLines > 0), listed.Sum(s => s.CartItems)),
            signIns, orders, [.. listed.Take(MaxListed)]);
    }

    /// <summary>
    /// Ends every sign-in (their tickets leave the store) and every session except the teacher's own: each of those
    /// browsers is an anonymous visitor with an empty cart on its next request. Orders stay, they are in the database.
    /// </summary>
    public async Task<EndedCount> EndAllExceptAsync(string? ownSessionKey, string? ownSignInId, CancellationToken cancellationToken = default)
    {
        var signInIds = await db.SignIns.Where(s => s.Id != ownSignInId).Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var id in signInIds)
        {
            await tickets.RevokeAsync(id, cancellationToken);
        }
        var sessions = 0;
        if (Store is { } store)
        {
            foreach (var stored in await store.ListAsync(cancellationToken))
            {
                if (stored.Key == ownSessionKey)
                {
                    continue;
                }
                await RemoveAsync(stored.Key, cancellationToken);
                sessions++;
            }
        }
        return new EndedCount(sessions, signInIds.Count);
    }

    /// <summary>
    /// Ends one student's session, named by its short hash as the dashboard shows it, and the sign-ins of the user it
    /// belongs to (otherwise the sign-in would simply start a new session). Never the teacher's own. False when no
    /// live session has that hash.
    /// </summary>
    public async Task<bool> EndOneAsync(string hash, string? ownSessionKey, string? ownUserId, CancellationToken cancellationToken = default)
    {
        if (Store is not { } store)
        {
            return false;
        }
        var stored = (await store.ListAsync(cancellationToken)).FirstOrDefault(s => ShortHash.Of(s.Key) == hash && s.Key != ownSessionKey);
        if (stored is null)
        {
            return false;
        }
        var userId = SessionFormat.Read(stored.Value) is { } entries && entries.TryGetValue(SessionKeys.SignedInUser, out var id) ? Encoding.UTF8.GetString(id) : null;
        await RemoveAsync(stored.Key, cancellationToken);
        if (userId is not null && userId != ownUserId)
        {
            foreach (var signInId in await db.SignIns.Where(s => s.UserId == userId).Select(s => s.Id).ToListAsync(cancellationToken))
            {
                await tickets.RevokeAsync(signInId, cancellationToken);
            }
        }
        return true;
    }

    private async Task RemoveAsync(string sessionKey, CancellationToken cancellationToken)
    {
        IAsyncDisposable? held = null;
        try
        {
            // Under the session's lock, so a request of that student already under way cannot write it back after.
            held = await locks.AcquireAsync(sessionKey, cancellationToken);
        }
        catch (SessionBusyException)
        {
            // A request stuck for longer than the lock timeout does not keep its session alive: it goes all the same.
        }
        try
        {
            await cache.RemoveAsync(sessionKey, cancellationToken);
        }
        finally
        {
            if (held is not null)
            {
                await held.DisposeAsync();
            }
        }
    }
}

/// <summary>Counts over every live session; null when the store cannot be listed.</summary>
public sealed record SessionCounts(int Active, int WithCart, int ItemsInCarts);

public sealed record ClassroomView(SessionCounts? Sessions, int SignInsRecently, int OrdersRecently, IReadOnlyList<ClassroomSession> Listed);

/// <summary>One session as the teacher sees it: no values, only what a class needs to talk about it.</summary>
public sealed record ClassroomSession(string Hash, bool IsYours, string? UserId, string? User, string? Language, int CartLines, int CartItems, DateTime LastSeenUtc);

public sealed record EndedCount(int Sessions, int SignIns);
