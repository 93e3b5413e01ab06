using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using ShopApp.Tuning;

namespace ShopApp.Tests.Tuning;

public sealed class RememberingDataProtectionTests
{
    /// <summary>Counts the real Data Protection rounds behind the remembering one.</summary>
    private sealed class CountingProtector(IDataProtector inner) : IDataProtector
    {
        public int Unprotects { get; private set; }

        public int Protects { get; private set; }

        public IDataProtector CreateProtector(string purpose) => inner.CreateProtector(purpose);

        public byte[] Protect(byte[] plaintext)
        {
            Protects++;
            return inner.Protect(plaintext);
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            Unprotects++;
            return inner.Unprotect(protectedData);
        }
    }

    private readonly ManualClock _clock = new();
    private readonly CountingProtector _real = new(new EphemeralDataProtectionProvider().CreateProtector("SessionMiddleware"));

    private RememberingDataProtector Remembering() => new(_real, _clock);

    [Fact]
    public void A_cookie_seen_again_is_not_decrypted_again()
    {
        var protector = Remembering();
        var cookie = _real.Protect("key"u8.ToArray());

        var first = protector.Unprotect(cookie);
        var second = protector.Unprotect(cookie);

        Assert.Equal("key"u8.ToArray(), first);
        Assert.Equal("key"u8.ToArray(), second);
        Assert.Equal(1, _real.Unprotects);
    }

    [Fact]
    public void A_forged_cookie_is_refused_every_time()
    {
        var protector = Remembering();
        var forged = RandomNumberGenerator.GetBytes(80);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(forged));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(forged));
        Assert.Equal(2, _real.Unprotects);
    }

    [Fact]
    public void What_it_encrypted_it_can_open_without_decrypting()
    {
        var protector = Remembering();

        var token = protector.Protect("token"u8.ToArray());
        var again = protector.Protect("token"u8.ToArray());

        Assert.Equal(token, again);
        Assert.Equal("token"u8.ToArray(), protector.Unprotect(token));
        Assert.Equal(1, _real.Protects);
        Assert.Equal(0, _real.Unprotects);
    }

    [Fact]
    public void A_remembered_value_is_decrypted_again_after_the_lifetime()
    {
        var protector = Remembering();
        var cookie = _real.Protect("key"u8.ToArray());
        protector.Unprotect(cookie);

        _clock.Advance(RememberingDataProtectionProvider.Lifetime);
        protector.Unprotect(cookie);

        Assert.Equal(2, _real.Unprotects);
    }

    [Fact]
    public void Changing_a_returned_value_does_not_change_what_is_remembered()
    {
        var protector = Remembering();
        var cookie = _real.Protect("key"u8.ToArray());

        protector.Unprotect(cookie)[0] = (byte)'X';

        Assert.Equal("key"u8.ToArray(), protector.Unprotect(cookie));
    }

    [Fact]
    public void The_oldest_values_are_forgotten_once_two_generations_are_full()
    {
        var protector = Remembering();
        var first = protector.Protect([0, 0, 0, 0]);

        for (var i = 1; i <= 2 * RememberingDataProtectionProvider.PerGeneration + 1; i++)
        {
            protector.Protect(BitConverter.GetBytes(i));
        }
        protector.Unprotect(first);

        Assert.Equal(1, _real.Unprotects);
    }

    [Fact]
    public void Only_the_session_and_antiforgery_purposes_are_remembered()
    {
        var provider = new RememberingDataProtectionProvider(new EphemeralDataProtectionProvider(), _clock);

        Assert.IsType<RememberingDataProtector>(provider.CreateProtector("SessionMiddleware"));
        Assert.IsType<RememberingDataProtector>(provider.CreateProtector("Microsoft.AspNetCore.Antiforgery.AntiforgeryToken.v1"));
        Assert.IsNotType<RememberingDataProtector>(provider.CreateProtector("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationMiddleware"));
    }
}
