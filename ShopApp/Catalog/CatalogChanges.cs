namespace ShopApp.Catalog;

/// <summary>
/// Announces that the catalog changed (an order took stock, a cancelled one gave it back, a manager saved a product
/// or a category). Code that changes the catalog calls <see cref="Changed"/> after its commit. In the plain path only
/// the category menu keeps catalog data; the tuning wing's caches listen too (<see cref="Token"/>) and drop what they
/// kept.
/// </summary>
public sealed class CatalogChanges
{
    private CancellationTokenSource _changed = new();

    private int _version;

    /// <summary>Goes up with every change: what is rendered or kept per version is rendered or read again.</summary>
    public int Version => Volatile.Read(ref _version);

    /// <summary>Cancelled by the next change. Take it before a read, so a change during the read is not missed.</summary>
    public CancellationToken Token => Volatile.Read(ref _changed).Token;

    /// <summary>Raised by <see cref="Changed"/> (not by <see cref="ChangedElsewhere"/>): the news other instances need.</summary>
    public event Action? ChangedHere;

    public void Changed()
    {
        Drop();
        ChangedHere?.Invoke();
    }

    /// <summary>Another instance changed the catalog (<see cref="CatalogChangesAcrossInstances"/>): drop what is kept here too.</summary>
    public void ChangedElsewhere() => Drop();

    private void Drop()
    {
        Interlocked.Increment(ref _version);
        // Not disposed: a request may have taken its token a moment ago (a disposed source's token cannot be taken).
        Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
    }
}
