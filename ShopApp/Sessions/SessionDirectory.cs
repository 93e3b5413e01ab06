using Microsoft.Data.Sqlite;

namespace ShopApp.Sessions;

/// <summary>
/// The live sessions in the store, for the teacher's dashboard. <c>IDistributedCache</c> can get, set, refresh and
/// remove one key, but not list keys: that is what a class needs to see, so each store that can be listed gets a
/// small reader of its own, beside the library. Listing reads; it never slides a session's expiry.
/// </summary>
public interface ISessionDirectory
{
    Task<IReadOnlyList<StoredSession>> ListAsync(CancellationToken cancellationToken = default);
}

/// <summary>One stored session: its store key, its value in the session middleware's format, and when it ends if unused.</summary>
public sealed record StoredSession(string Key, byte[] Value, DateTimeOffset ExpiresAt, TimeSpan? IdleTimeout)
{
    /// <summary>A session key is a GUID in its 36-character form (sign-in tickets and locks are named otherwise).</summary>
    public static bool IsSessionKey(string key) => key.Length == 36 && Guid.TryParse(key, out _);

    /// <summary>The last request that slid it: its expiry less its idle window.</summary>
    public DateTimeOffset LastSeen => ExpiresAt - (IdleTimeout ?? TimeSpan.Zero);
}

/// <summary>
/// Reads NeoSmart.Caching.Sqlite's table (<c>cache</c>: key, value, expiry and renewal, both in ticks) on a
/// read-only connection of its own. The library writes the file; this only looks.
/// </summary>
public sealed class SqliteSessionDirectory(string path, TimeProvider time) : ISessionDirectory
{
    public async Task<IReadOnlyList<StoredSession>> ListAsync(CancellationToken cancellationToken = default)
    {
        var sessions = new List<StoredSession>();
        if (!File.Exists(path))
        {
            return sessions;
        }
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(connectionString.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, value, expiry, renewal FROM cache WHERE expiry IS NULL OR expiry >= @now";
        command.Parameters.AddWithValue("@now", time.GetUtcNow().UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.GetString(0);
            if (!StoredSession.IsSessionKey(key))
            {
                continue;
            }
            sessions.Add(new StoredSession(key, (byte[])reader.GetValue(1),
                reader.IsDBNull(2) ? DateTimeOffset.MaxValue : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : TimeSpan.FromTicks(reader.GetInt64(3))));
        }
        return sessions;
    }
}
