using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private const string Body = """{"id":"e","type":"linx.workflow-updated","createdAt":"2026-11-24T12:00:00Z","data":{"status":"ACTIVE"}}""";

    [Fact]
    public void Sign_Recipe_IsHexHmacOfTimestampDotBody()
    {
        // Arrange: the documented recipe, computed independently.
        var secret = WebhookSignature.NewSecret();
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + Body)));

        // Act
        var header = WebhookSignature.Sign(secret, Now, Body);

        // Assert
        Assert.Equal($"t={t},v1={expected}", header);
    }

    [Fact]
    public void Verify_UntouchedBody_IsTrue()
    {
        var secret = WebhookSignature.NewSecret();
        var header = WebhookSignature.Sign(secret, Now, Body);

        Assert.True(WebhookSignature.Verify(secret, header, Body, TimeSpan.FromMinutes(5), Now.AddMinutes(1)));
    }

    [Theory]
    [InlineData("body")]
    [InlineData("secret")]
    [InlineData("old")]
    [InlineData("future")]
    public void Verify_TamperedOrStale_IsFalse(string change)
    {
        // Arrange
        var secret = WebhookSignature.NewSecret();
        var header = WebhookSignature.Sign(secret, Now, Body);
        var body = change == "body" ? Body.Replace("ACTIVE", "COMPLETED", StringComparison.Ordinal) : Body;
        var key = change == "secret" ? WebhookSignature.NewSecret() : secret;
        var now = change switch { "old" => Now.AddMinutes(6), "future" => Now.AddMinutes(-6), _ => Now };

        // Act
        var valid = WebhookSignature.Verify(key, header, body, TimeSpan.FromMinutes(5), now);

        // Assert
        Assert.False(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=99999999999999999999,v1=00")]
    [InlineData("garbage")]
    public void Verify_MalformedHeader_IsFalseWithoutThrowing(string? header)
    {
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), header, Body, TimeSpan.FromMinutes(5), Now));
    }

    [Fact]
    public void Sign_TwoSecrets_VerifiesWithEitherAndNoOther()
    {
        // Arrange
        var (current, previous) = (WebhookSignature.NewSecret(), WebhookSignature.NewSecret());

        // Act
        var header = WebhookSignature.Sign([current, previous], Now, Body);

        // Assert
        Assert.Equal(2, header.Split(",v1=").Length - 1);
        Assert.True(WebhookSignature.Verify(current, header, Body, TimeSpan.FromMinutes(5), Now));
        Assert.True(WebhookSignature.Verify(previous, header, Body, TimeSpan.FromMinutes(5), Now));
        Assert.False(WebhookSignature.Verify(WebhookSignature.NewSecret(), header, Body, TimeSpan.FromMinutes(5), Now));
    }

    [Fact]
    public void Verify_SeveralSignaturesOneValid_IsTrue()
    {
        // Arrange: a header carrying a stale v1 next to the valid one (as during a secret rotation).
        var secret = WebhookSignature.NewSecret();
        var valid = WebhookSignature.Sign(secret, Now, Body);
        var header = valid.Replace(",v1=", ",v1=" + new string('0', 64) + ",v1=", StringComparison.Ordinal);

        // Act / Assert
        Assert.True(WebhookSignature.Verify(secret, header, Body, TimeSpan.FromMinutes(5), Now));
    }

    [Fact]
    public void NewSecret_TwoCalls_AreDifferentAndPrefixed()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();

        Assert.NotEqual(a, b);
        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(49, a.Length);
    }
}
