using System.Buffers.Binary;
using Microsoft.AspNetCore.WebUtilities;
using ShopApp.Teaching;

namespace ShopApp.Tests.Teaching;

public sealed class FlaskStyleCookieTests
{
    private readonly ManualClock _clock = new();

    private FlaskStyleCookie Cookie(string secret = "secret") => new(System.Text.Encoding.UTF8.GetBytes(secret), _clock);

    [Fact]
    public void Anyone_can_read_the_session_in_it_without_the_key()
    {
        var value = Cookie().Sign("""{"cart":{"lines":[{"productId":3,"quantity":2}]}}""");

        Assert.Equal("""{"cart":{"lines":[{"productId":3,"quantity":2}]}}""", FlaskStyleCookie.Read(value));
    }

    [Fact]
    public void It_has_the_payload_the_signing_time_and_the_signature()
    {
        var parts = Cookie().Sign("{}").Split('.');

        Assert.Equal(3, parts.Length);
        var seconds = WebEncoders.Base64UrlDecode(parts[1]);
        Assert.Equal(_clock.GetUtcNow().ToUnixTimeSeconds(), BinaryPrimitives.ReadInt64BigEndian(new byte[8 - seconds.Length].Concat(seconds).ToArray()));
        Assert.Equal(27, parts[2].Length); // 20 bytes of HMAC-SHA1 in unpadded Base64
    }

    [Fact]
    public void The_server_accepts_its_own_cookie()
    {
        var cookie = Cookie();

        Assert.Equal("""{"language":"fr"}""", cookie.Verify(cookie.Sign("""{"language":"fr"}""")));
    }

    [Fact]
    public void A_changed_payload_is_refused_but_still_readable()
    {
        var cookie = Cookie();
        var value = cookie.Sign("""{"admin":false}""");
        var forged = WebEncoders.Base64UrlEncode("""{"admin":true}"""u8.ToArray()) + value[value.IndexOf('.')..];

        Assert.Null(cookie.Verify(forged));
        Assert.Equal("""{"admin":true}""", FlaskStyleCookie.Read(forged));
    }

    [Fact]
    public void A_cookie_signed_with_another_key_is_refused()
    {
        Assert.Null(Cookie("secret").Verify(Cookie("another").Sign("{}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dots")]
    [InlineData("!!!.???.###")]
    public void Garbage_is_refused(string value) => Assert.Null(Cookie().Verify(value));
}
