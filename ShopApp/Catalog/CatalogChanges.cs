namespace ShopApp.Catalog;

/// <summary>
/// Announces that the catalog changed (an order took stock, a cancelled one gave it back). Code that changes the
/// catalog calls <see cref="Changed"/> after its commit. Nothing in the plain path keeps catalog data, so nothing
/// needs the news there; the tuning wing's caches listen (<see cref="Token"/>) and drop what they kept.
/// </summary>
public sealed class CatalogChanges
{
    private CancellationTokenSource _changed = new();

    private int _version;

    /// <summary>Goes up with every change: what is rendered or kept per version is rendered or read again.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Cancelled by the next change. Take it before a read, so a change during the read is not missed.</summary>
    public CancellationToken Token => Volatile.Read(ref _changed).Token;

    public void Changed()
    {
        Interlocked.Increment(ref _version);
        // Not disposed: a request may have taken its token a moment ago (a disposed source's token cannot be taken).
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }
}
