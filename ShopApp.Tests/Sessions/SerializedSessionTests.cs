using Microsoft.AspNetCore.Http;
using ShopApp.Sessions;

namespace ShopApp.Tests.Sessions;

/// <summary>
/// The commits a <see cref="SerializedSession"/> passes on to the store. A page that commits the session itself (the
/// cart does, so that its notice and cart go in one write) is followed by the session middleware's own commit at the
/// end of the request.
/// </summary>
public sealed class SerializedSessionTests
{
    private readonly CountingSession _stored = new();

    private SerializedSession Session()
    {
        var context = new DefaultHttpContext();
        return new SerializedSession(_stored, (_, _) => _stored, "key", TimeSpan.FromMinutes(20), isNew: true,
            new NoLocks(), new HttpContextAccessor { HttpContext = context });
    }

    [Fact]
    public async Task A_commit_with_nothing_changed_since_the_last_one_reaches_no_store()
    {
        var session = Session();
        session.Set("Cart", [1, 2]);
        await session.CommitAsync();

        await session.CommitAsync();

        Assert.Equal(1, _stored.Commits);
    }

    [Fact]
    public async Task A_change_after_a_commit_is_committed_again()
    {
        var session = Session();
        session.Set("Cart", [1]);
        await session.CommitAsync();

        session.Set("Cart", [2]);
        await session.CommitAsync();
        session.Remove("Cart");
        await session.CommitAsync();
        session.Clear();
        await session.CommitAsync();

        Assert.Equal(4, _stored.Commits);
    }

    [Fact]
    public async Task The_first_commit_of_an_unchanged_session_still_reaches_the_store_which_slides_its_expiry()
    {
        var session = Session();

        await session.CommitAsync();
        await session.CommitAsync();

        Assert.Equal(1, _stored.Commits);
    }

    private sealed class NoLocks : ISessionLocks
    {
        public Task<IAsyncDisposable> AcquireAsync(string sessionKey, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A new session never waits for its lock.");
    }

    private sealed class CountingSession : ISession
    {
        private readonly Dictionary<string, byte[]> _values = new();

        public int Commits { get; private set; }

        public bool IsAvailable => true;

        public string Id => "id";

        public IEnumerable<string> Keys => _values.Keys;

        public Task LoadAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task CommitAsync(CancellationToken cancellationToken = default)
        {
            Commits++;
            return Task.CompletedTask;
        }

        public bool TryGetValue(string key, out byte[] value) => _values.TryGetValue(key, out value!);

        public void Set(string key, byte[] value) => _values[key] = value;

        public void Remove(string key) => _values.Remove(key);

        public void Clear() => _values.Clear();
    }
}
