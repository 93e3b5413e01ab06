using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Caching.Distributed;
using ShopApp.Account;

namespace ShopApp.Sessions;

/// <summary>
/// Keeps sign-ins on the server. The cookie handler hands us the ticket (who the user is, their claims) and
/// puts only the key we return into the sign-in cookie. The ticket lives in the same
/// <see cref="IDistributedCache"/> as the sessions; a row in SignIns indexes it so the user and the admin can
/// list and revoke sign-ins (<see cref="SignInIndex"/>). Removing the ticket is what makes sign-out and revocation real: a copied cookie
/// then points at nothing.
/// </summary>
public sealed class ServerTicketStore(
    IDistributedCache cache,
    SignInIndex index,
    SessionSettings sessionSettings,
    SignInSettings signInSettings,
    TimeProvider time,
    ILogger<ServerTicketStore> logger) : ITicketStore
{
    /// <summary>Kept in the ticket's properties so a refreshed sign-in (new claims) keeps its original start.</summary>
    private const string SignedInAtItem = ".shop.signedInAt";

    // The cookie handler calls the overloads with HttpContext; the interface's others lead to them.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, default);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        // 256 random bits: the only thing the sign-in cookie carries (encrypted by the cookie handler on top).
        var key = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var id = SignInIdOf(key);
        var now = time.GetUtcNow().UtcDateTime;
        var signedInAt = SignedInAt(ticket) ?? now;
        ticket.Properties.Items[SignedInAtItem] = signedInAt.ToString("O", CultureInfo.InvariantCulture);

        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without a user id.");
        var expires = signedInAt + signInSettings.Lifetime;
        await index.AddAsync(id, userId, signedInAt, now, expires, httpContext, cancellationToken);

        await WriteTicketAsync(id, ticket, expires, cancellationToken);
        logger.LogInformation("Sign-in {SignInId} stored for user {UserId}.", id[..8], userId);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, default);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = SignInIdOf(key);
        var signedInAt = SignedInAt(ticket) ?? time.GetUtcNow().UtcDateTime;
        // A revoked sign-in is not brought back by a request that was already under way.
        if (await cache.GetAsync(CacheKey(id), cancellationToken) is null)
        {
            return;
        }
        await WriteTicketAsync(id, ticket, signedInAt + signInSettings.Lifetime, cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, default);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var id = SignInIdOf(key);
        // Reading the entry also slides its idle expiry in the cache.
        var bytes = await cache.GetAsync(CacheKey(id), cancellationToken);
        var ticket = bytes is null ? null : TicketSerializer.Default.Deserialize(bytes);
        if (ticket is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var signedInAt = SignedInAt(ticket) ?? DateTime.MinValue;
        if (now >= signedInAt + signInSettings.Lifetime)
        {
            // The absolute lifetime is over, however active the user has been.
            await RemoveAsync(key, httpContext, cancellationToken);
            return null;
        }

        await index.SeenAsync(id, now, cancellationToken);
        return ticket;
    }

    public Task RemoveAsync(string key) => RevokeAsync(SignInIdOf(key));

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RevokeAsync(SignInIdOf(key), cancellationToken);

    /// <summary>Ends one sign-in by its id (from the SignIns table): its ticket leaves the store, so its cookie is worthless.</summary>
    public async Task RevokeAsync(string signInId, CancellationToken cancellationToken = default)
    {
        await cache.RemoveAsync(CacheKey(signInId), cancellationToken);
        await index.RemoveAsync(signInId, cancellationToken);
        logger.LogInformation("Sign-in {SignInId} removed.", signInId[..8]);
    }

    /// <summary>Gives a live sign-in a new claim value in place (a new security stamp, a newly saved language).</summary>
    public Task ReplaceClaimAsync(string signInId, string claimType, string value, CancellationToken cancellationToken = default) =>
        ReplaceClaimsAsync(signInId, claimType, [value], cancellationToken);

    /// <summary>Gives a live sign-in new values for one claim type in place (its roles, after an admin changed them).</summary>
    public async Task ReplaceClaimsAsync(string signInId, string claimType, IReadOnlyCollection<string> values, CancellationToken cancellationToken = default)
    {
        var bytes = await cache.GetAsync(CacheKey(signInId), cancellationToken);
        if (bytes is null || TicketSerializer.Default.Deserialize(bytes) is not { } ticket)
        {
            return;
        }
        var identity = ticket.Principal.Identities.First();
        identity.FindAll(claimType).ToList().ForEach(identity.RemoveClaim);
        identity.AddClaims(values.Select(value => new Claim(claimType, value)));
        await WriteTicketAsync(signInId, ticket, (SignedInAt(ticket) ?? time.GetUtcNow().UtcDateTime) + signInSettings.Lifetime, cancellationToken);
    }

    /// <summary>The id under which a sign-in is indexed and cached: a SHA-256 of the cookie's key, never the key itself.</summary>
    public static string SignInIdOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private async Task WriteTicketAsync(string id, AuthenticationTicket ticket, DateTime expiresAtUtc, CancellationToken cancellationToken)
    {
        // The page can tell which sign-in is "this one" from the principal, without another lookup.
        var identity = ticket.Principal.Identities.First();
        if (!identity.HasClaim(c => c.Type == ShopClaims.SignInId))
        {
            identity.AddClaim(new Claim(ShopClaims.SignInId, id));
        }

        await cache.SetAsync(CacheKey(id), TicketSerializer.Default.Serialize(ticket), new DistributedCacheEntryOptions
        {
            // Idle: the same timeout as the session, so a sign-in never outlives the cart it came with by much.
            SlidingExpiration = sessionSettings.IdleTimeout,
            // Absolute: however active the user is, the sign-in ends (8 hours by default; see SignIn:Lifetime).
            AbsoluteExpiration = new DateTimeOffset(expiresAtUtc, TimeSpan.Zero),
        }, cancellationToken);
    }

    private static DateTime? SignedInAt(AuthenticationTicket ticket) =>
        ticket.Properties.Items.TryGetValue(SignedInAtItem, out var value) &&
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    private static string CacheKey(string id) => $"signin:{id}";
}
