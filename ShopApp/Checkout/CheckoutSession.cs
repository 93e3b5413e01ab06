using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using ShopApp.Sessions;

namespace ShopApp.Checkout;

/// <summary>
/// The one way into the checkout held in session: one <see cref="CheckoutProgress"/> value under
/// <see cref="SessionKeys.Checkout"/>, read and written only here.
/// </summary>
public sealed class CheckoutSession(IHttpContextAccessor httpContextAccessor, ILogger<CheckoutSession> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The checkout is only available during a request.");

    public async Task<CheckoutProgress> GetAsync(CancellationToken cancellationToken = default)
    {
        await Session.LoadAsync(cancellationToken);
        var json = Session.GetString(SessionKeys.Checkout);
        if (json is null)
        {
            return new CheckoutProgress();
        }
        try
        {
            return JsonSerializer.Deserialize<CheckoutProgress>(json, Json) ?? new CheckoutProgress();
        }
        catch (JsonException exception)
        {
            // A value of an older shape starts the checkout again rather than failing it.
            logger.LogWarning(exception, "Discarding a checkout whose stored value could not be read.");
            return new CheckoutProgress();
        }
    }

    public async Task SaveAsync(CheckoutProgress progress, CancellationToken cancellationToken = default)
    {
        Session.SetString(SessionKeys.Checkout, JsonSerializer.Serialize(progress, Json));
        await Session.CommitAsync(cancellationToken);
    }

    /// <summary>The review form's one-time token, issued on first need and kept until the order is placed.</summary>
    public async Task<string> OrderTokenAsync(CancellationToken cancellationToken = default)
    {
        var progress = await GetAsync(cancellationToken);
        if (progress.OrderToken is { } token)
        {
            return token;
        }
        token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await SaveAsync(progress with { OrderToken = token }, cancellationToken);
        return token;
    }

    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        Session.Remove(SessionKeys.Checkout);
        await Session.CommitAsync(cancellationToken);
    }
}
