using System.Globalization;
using System.Text;

namespace ShopApp.Sessions;

/// <summary>
/// A session's own idle timeout, for the Timeouts lesson: "this session forgets you after 30 seconds without a
/// request", while every other visitor keeps <c>Session:IdleTimeout</c>. The store keeps the sliding window each
/// entry was written with, so it is enough that <see cref="SerializedSession"/> writes this session with the
/// shorter window; every later read slides it by that window too.
/// </summary>
public sealed class IdleTimeoutSession(IHttpContextAccessor httpContextAccessor, SessionSettings settings)
{
    /// <summary>The only shortened timeout the lesson offers: short enough to wait for in class.</summary>
    public static readonly TimeSpan Shortened = TimeSpan.FromSeconds(30);

    private ISession Session =>
        httpContextAccessor.HttpContext?.Session ?? throw new InvalidOperationException("The session is only available during a request.");

    /// <summary>The idle timeout this session is written with now.</summary>
    public async Task<TimeSpan> GetAsync(CancellationToken cancellationToken = default)
    {
        await Session.LoadAsync(cancellationToken);
        return Read(Session, settings.IdleTimeout) ?? settings.IdleTimeout;
    }

    public async Task ShortenAsync(CancellationToken cancellationToken = default)
    {
        Session.SetString(SessionKeys.IdleTimeout, ((int)Shortened.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        await Session.CommitAsync(cancellationToken);
    }

    public async Task RestoreAsync(CancellationToken cancellationToken = default)
    {
        Session.Remove(SessionKeys.IdleTimeout);
        await Session.CommitAsync(cancellationToken);
    }

    /// <summary>The session's own timeout, when it has a valid one (never longer than the configured timeout).</summary>
    public static TimeSpan? Read(ISession session, TimeSpan? longest = null)
    {
        if (!session.TryGetValue(SessionKeys.IdleTimeout, out var bytes) ||
            !int.TryParse(Encoding.UTF8.GetString(bytes), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds < 1)
        {
            return null;
        }
        var timeout = TimeSpan.FromSeconds(seconds);
        return longest is { } limit && timeout > limit ? limit : timeout;
    }
}
