using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ShopApp.Teaching;

namespace ShopApp.Tests.Teaching;

public sealed class SessionFormatTests
{
    /// <summary>The bytes ASP.NET Core's own distributed session writes for these entries.</summary>
    private static async Task<byte[]> StoredByTheFrameworkAsync(params (string Key, string Value)[] entries)
    {
        var cache = new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions()));
        var key = Guid.NewGuid().ToString();
        var session = new DistributedSession(cache, key, TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1), () => true, NullLoggerFactory.Instance, isNewSessionKey: true);
        foreach (var (name, value) in entries)
        {
            session.SetString(name, value);
        }
        await session.CommitAsync();
        return (await cache.GetAsync(key))!;
    }

    [Fact]
    public async Task Reads_back_every_entry_the_framework_stored()
    {
        var stored = await StoredByTheFrameworkAsync(("Cart", """{"lines":[{"productId":3,"quantity":2}]}"""), ("Language", "fr"), ("Straße", "ü"));

        var entries = SessionFormat.Read(stored)!;

        Assert.Equal(3, entries.Count);
        Assert.Equal("""{"lines":[{"productId":3,"quantity":2}]}""", System.Text.Encoding.UTF8.GetString(entries["Cart"]));
        Assert.Equal("fr", System.Text.Encoding.UTF8.GetString(entries["Language"]));
        Assert.Equal("ü", System.Text.Encoding.UTF8.GetString(entries["Straße"]));
    }

    [Fact]
    public async Task The_computed_size_is_the_size_the_framework_stores()
    {
        var stored = await StoredByTheFrameworkAsync(("Cart", new string('x', 300)), ("Language", "de"), ("Straße", "ü"));

        Assert.Equal(stored.Length, SessionFormat.SizeOf(SessionFormat.Read(stored)!));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 1, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9 })]
    public void Bytes_that_are_not_a_stored_session_read_as_nothing(byte[] bytes) => Assert.Null(SessionFormat.Read(bytes));

    [Fact]
    public async Task A_truncated_session_reads_as_nothing()
    {
        var stored = await StoredByTheFrameworkAsync(("Cart", "{}"));

        Assert.Null(SessionFormat.Read(stored.AsSpan(0, stored.Length - 1)));
    }
}
