using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using ShopApp.Data;

namespace ShopApp.Account;

/// <summary>
/// The SignIns table: the index of the tickets <see cref="Sessions.ServerTicketStore"/> keeps in the session store,
/// which a cache cannot list. A user lists and ends their sign-ins from it (<see cref="SignIns"/>), an admin too.
/// </summary>
public sealed class SignInIndex(IServiceScopeFactory scopes, IMemoryCache recentlySeen)
{
    /// <summary>Last-seen is written at most this often, so browsing does not write to the database on every request.</summary>
    public static readonly TimeSpan LastSeenResolution = TimeSpan.FromMinutes(1);

    /// <summary>Indexes a new sign-in, with the browser and address it came from (for the list of sign-ins).</summary>
    public async Task AddAsync(string signInId, string userId, DateTime signedInAt, DateTime now, DateTime expires, HttpContext? request, CancellationToken cancellationToken)
    {
        var userAgent = request?.Request.Headers.UserAgent.ToString() ?? "";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        db.SignIns.Add(new SignIn
        {
            Id = signInId,
            UserId = userId,
            SignedInAtUtc = signedInAt,
            LastSeenAtUtc = now,
            ExpiresAtUtc = expires,
            UserAgent = userAgent.Length <= SignIn.UserAgentMaxLength ? userAgent : userAgent[..SignIn.UserAgentMaxLength],
            IpAddress = request?.Connection.RemoteIpAddress?.ToString() ?? "",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveAsync(string signInId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await db.SignIns.Where(s => s.Id == signInId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Records a request of the sign-in: at most once per <see cref="LastSeenResolution"/>, remembered in memory.</summary>
    public async Task SeenAsync(string signInId, DateTime now, CancellationToken cancellationToken)
    {
        var touched = $"signin-seen:{signInId}";
        if (recentlySeen.TryGetValue(touched, out _))
        {
            return;
        }
        recentlySeen.Set(touched, true, LastSeenResolution);
        var staleBefore = now - LastSeenResolution;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await db.SignIns
            .Where(s => s.Id == signInId && s.LastSeenAtUtc < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAtUtc, now), cancellationToken);
    }
}
