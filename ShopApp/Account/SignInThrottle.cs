using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace ShopApp.Account;

/// <summary>
/// Wrong passwords, counted per client address and e-mail. Five from one address stop that address for that e-mail
/// for <see cref="Window"/>; the owner, signing in from another address, is not affected. Identity's own lockout
/// counts per account only, so anyone could lock anyone out (in a classroom, the teacher); this cannot.
/// Unknown e-mails are counted the same way, so a stopped address learns nothing about who has an account.
/// </summary>
/// <remarks>
/// The counts live in the session store (<see cref="IDistributedCache"/>), so every instance sees them. A count
/// is read and written back without a lock: two wrong passwords at the same moment may count once, which costs an
/// attacker nothing they could use.
/// </remarks>
public sealed class SignInThrottle(IDistributedCache store)
{
    public const int MaxFailures = 5;

    /// <summary>How long an address stays stopped after its last wrong password.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public async Task<bool> IsStoppedAsync(IPAddress? address, string email, CancellationToken cancellationToken) =>
        await FailuresAsync(Key(address, email), cancellationToken) >= MaxFailures;

    public async Task FailedAsync(IPAddress? address, string email, CancellationToken cancellationToken)
    {
        var key = Key(address, email);
        var failures = await FailuresAsync(key, cancellationToken) + 1;
        await store.SetStringAsync(key, failures.ToString(CultureInfo.InvariantCulture),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Window }, cancellationToken);
    }

    public Task SucceededAsync(IPAddress? address, string email, CancellationToken cancellationToken) =>
        store.RemoveAsync(Key(address, email), cancellationToken);

    private async Task<int> FailuresAsync(string key, CancellationToken cancellationToken) =>
        int.TryParse(await store.GetStringAsync(key, cancellationToken), NumberStyles.None, CultureInfo.InvariantCulture, out var failures) ? failures : 0;

    /// <summary>A hash of the address and the e-mail: the store never holds either in the clear.</summary>
    private static string Key(IPAddress? address, string email) =>
        "signin-failures:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{address}|{email.Trim().ToUpperInvariant()}")));
}
