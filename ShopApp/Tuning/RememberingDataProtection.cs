using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;

namespace ShopApp.Tuning;

/// <summary>
/// Every request decrypts the same few cookies again: the session cookie (by the session middleware, and by the
/// session lock on a POST) and the antiforgery cookie, and every page with a form encrypts the same antiforgery
/// token again. Each is a Data Protection round (key derivation, AES, HMAC), a large share of a page's cost
/// (docs/PERFORMANCE.md has the figure). For the purposes named in <see cref="Purposes"/> this provider remembers what it
/// decrypted and encrypted, for <see cref="Lifetime"/>, so a returning visitor's cookie costs a dictionary lookup.
/// </summary>
/// <remarks>
/// Remembering is safe for these purposes because their results do not depend on time: the session cookie holds a
/// store key that never changes, and an antiforgery token is a fixed value that may be sent any number of times.
/// Only a value that decrypted once is remembered, so a forged or damaged cookie is decrypted (and refused) every
/// time. What this gives up: a Data Protection key revoked by an operator keeps opening the cookies it protected
/// for up to <see cref="Lifetime"/>, in this process. Sign-in tickets are not remembered: they carry an expiry.
/// </remarks>
public sealed class RememberingDataProtectionProvider(IDataProtectionProvider inner, TimeProvider time) : IDataProtectionProvider
{
    /// <summary>The session middleware's purpose and the antiforgery token serializer's.</summary>
    public static readonly IReadOnlySet<string> Purposes = new HashSet<string>(StringComparer.Ordinal)
    {
        "SessionMiddleware",
        "Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1",
    };

    /// <summary>How long a decrypted or encrypted value is remembered.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Values remembered per purpose and direction, in each of two generations (see the protector).</summary>
    public const int PerGeneration = 8_192;

    private readonly ConcurrentDictionary<string, RememberingDataProtector> _protectors = new(StringComparer.Ordinal);

    public IDataProtector CreateProtector(string purpose) =>
        Purposes.Contains(purpose)
            ? _protectors.GetOrAdd(purpose, p => new RememberingDataProtector(inner.CreateProtector(p), time))
            : inner.CreateProtector(purpose);

    /// <summary>Puts this provider around the one Data Protection registered. Call after <c>AddDataProtection()</c>.</summary>
    public static void Decorate(IServiceCollection services) =>
        services.DecorateSingleton<IDataProtectionProvider>((provider, inner) =>
            new RememberingDataProtectionProvider(inner, provider.GetService<TimeProvider>() ?? TimeProvider.System));
}

/// <summary>One purpose's protector, remembering in both directions. Callers get copies, never the stored arrays.</summary>
public sealed class RememberingDataProtector(IDataProtector inner, TimeProvider time) : IDataProtector
{
    private readonly Generations _opened = new();
    private readonly Generations _sealed = new();

    // A further purpose is a protector of its own, which this one does not remember for.
    public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

    public byte[] Protect(byte[] plaintext)
    {
        var now = time.GetUtcNow();
        if (_sealed.TryGet(plaintext, now, out var known))
        {
            return known;
        }
        var protectedData = inner.Protect(plaintext);
        _sealed.Add(plaintext, protectedData, now);
        _opened.Add(protectedData, plaintext, now);
        return protectedData;
    }

    public byte[] Unprotect(byte[] protectedData)
    {
        var now = time.GetUtcNow();
        if (_opened.TryGet(protectedData, now, out var known))
        {
            return known;
        }
        // Throws for anything we did not issue: nothing is remembered then.
        var plaintext = inner.Unprotect(protectedData);
        _opened.Add(protectedData, plaintext, now);
        return plaintext;
    }

    /// <summary>
    /// Two generations of values: when the newer one is full it becomes the older and the oldest is dropped whole.
    /// Memory stays bounded however many new cookies arrive, and making room is a swap, never a sweep: a large
    /// dictionary cleared under load showed as pauses at the 99th percentile (docs/PERFORMANCE.md).
    /// </summary>
    private sealed class Generations
    {
        private readonly Lock _swap = new();
        private ConcurrentDictionary<byte[], Remembered> _newer = New();
        private ConcurrentDictionary<byte[], Remembered> _older = New();

        // Sized for a whole generation at once: new visitors fill it fast, and growing it step by step under load
        // copies it each time.
        private static ConcurrentDictionary<byte[], Remembered> New() =>
            new(Environment.ProcessorCount, RememberingDataProtectionProvider.PerGeneration, ByteContent.Comparer);
        private int _added;

        public bool TryGet(byte[] key, DateTimeOffset now, out byte[] value)
        {
            if ((_newer.TryGetValue(key, out var known) || _older.TryGetValue(key, out known)) && now - known.Since < RememberingDataProtectionProvider.Lifetime)
            {
                value = (byte[])known.Value.Clone();
                return true;
            }
            value = [];
            return false;
        }

        public void Add(byte[] key, byte[] value, DateTimeOffset now)
        {
            if (Interlocked.Increment(ref _added) > RememberingDataProtectionProvider.PerGeneration)
            {
                lock (_swap)
                {
                    if (Volatile.Read(ref _added) > RememberingDataProtectionProvider.PerGeneration)
                    {
                        _older = _newer;
                        _newer = New();
                        Volatile.Write(ref _added, 0);
                    }
                }
            }
            _newer[(byte[])key.Clone()] = new Remembered((byte[])value.Clone(), now);
        }
    }

    private sealed record Remembered(byte[] Value, DateTimeOffset Since);
}

/// <summary>Byte arrays compared by content. The hash is seeded per process, so no one can aim collisions at it.</summary>
internal sealed class ByteContent : IEqualityComparer<byte[]>
{
    public static readonly ByteContent Comparer = new();

    public bool Equals(byte[]? x, byte[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] bytes)
    {
        var hash = new HashCode();
        hash.AddBytes(bytes);
        return hash.ToHashCode();
    }
}
