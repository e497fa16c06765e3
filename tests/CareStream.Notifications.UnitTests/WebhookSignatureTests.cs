using System.Text;

namespace CareStream.Notifications.UnitTests;

public sealed class WebhookSignatureTests
{
    private const string Secret = "test-secret-not-for-production";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"resourceType":"Flag","id":"ep-1"}""");

    [Fact]
    public void GivenKnownKeyAndBody_WhenSigned_ThenMatchesHmacSha256OverTimestampDotBody()
    {
        // Independent computation: HMAC-SHA256(key, "1780000000." + body).
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash([.. Encoding.ASCII.GetBytes("1780000000."), .. Body]));

        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        Assert.Equal(expected, signature);
    }

    [Fact]
    public void GivenValidSignature_WhenVerifiedWithinTolerance_ThenAccepted()
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);

        var valid = WebhookSignature.Verify(Secret, "1780000000", signature, Body, Now.AddSeconds(30), TimeSpan.FromMinutes(5));

        Assert.True(valid);
    }

    [Theory]
    [InlineData("tampered-body", "1780000000", 0)]
    [InlineData("", "1780000001", 0)]          // timestamp changed: it is inside the MAC
    [InlineData("", "1780000000", 301)]        // replayed after the tolerance window
    [InlineData("", "not-a-number", 0)]
    public void GivenAlteredInput_WhenVerified_ThenRejected(string extraBody, string timestamp, int secondsLater)
    {
        var signature = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), Body);
        byte[] body = [.. Body, .. Encoding.UTF8.GetBytes(extraBody)];

        var valid = WebhookSignature.Verify(Secret, timestamp, signature, body, Now.AddSeconds(secondsLater), TimeSpan.FromMinutes(5));

        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("md5=00")]
    [InlineData("sha256=zz")]
    public void GivenMalformedSignatureHeader_WhenVerified_ThenRejected(string? signature)
    {
        var valid = WebhookSignature.Verify(Secret, "1780000000", signature, Body, Now, TimeSpan.FromMinutes(5));

        Assert.False(valid);
    }

    [Fact]
    public void GivenOtherSecret_WhenVerified_ThenRejected()
    {
        var signature = WebhookSignature.Sign("another-secret", Now.ToUnixTimeSeconds(), Body);

        var valid = WebhookSignature.Verify(Secret, "1780000000", signature, Body, Now, TimeSpan.FromMinutes(5));

        Assert.False(valid);
    }

    [Fact]
    public void GivenTwoNewSecrets_WhenCompared_ThenDistinctBase64UrlOf32Bytes()
    {
        var (a, b) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.DoesNotContain(a, c => c is '+' or '/' or '=');
    }
}
