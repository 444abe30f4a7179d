using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.com/linx", false)]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("https://8.8.8.8/hook", false)]
    [InlineData("https://[2606:4700::1111]/hook", false)]
    [InlineData("https://[::ffff:93.184.216.34]/hook", false)]
    [InlineData("https://hooks.example.com/linx?note=%0d%0a", false)]
    public void Parse_AllowedUrl_IsReturned(string url, bool allowLoopback)
    {
        var parsed = WebhookUrlRules.Parse(url, allowLoopback, allowPrivateNetworks: false, out var problem);

        Assert.NotNull(parsed);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("not a url", false)]
    [InlineData("http://hooks.example.com/linx", false)]
    [InlineData("http://hooks.example.com/linx", true)]
    [InlineData("ftp://hooks.example.com/linx", true)]
    [InlineData("http://127.0.0.1/hook", false)]
    [InlineData("https://localhost/hook", false)]
    [InlineData("https://user:pass@hooks.example.com/", false)]
    [InlineData("https://hooks.example.com/#x", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", true)]
    [InlineData("https://10.0.0.5/hook", false)]
    [InlineData("https://[fe80::1]/hook", true)]
    public void Parse_RejectedUrl_IsNullWithAProblem(string? url, bool allowLoopback)
    {
        var parsed = WebhookUrlRules.Parse(url, allowLoopback, allowPrivateNetworks: false, out var problem);

        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(problem));
    }

    [Theory]
    [InlineData("https://[::a9fe:a9fe]/hook")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hook")]
    [InlineData("https://[2002:a9fe:a9fe::1]/hook")]
    [InlineData("https://[::ffff:0:a9fe:a9fe]/hook")]
    [InlineData("https://[::ffff:a9fe:a9fe]/hook")]
    [InlineData("https://[::ffff:169.254.169.254]/hook")]
    [InlineData("https://0xa9fea9fe/hook")]
    [InlineData("https://192.0.2.10/hook")]
    [InlineData("https://[2001:db8::1]/hook")]
    [InlineData("https://[fe80::1%25eth0]/hook")]
    public void Parse_SpecialPurposeAddressHost_IsRefusedNamingTheBlock(string url)
    {
        // Arrange: even the local host's settings, which allow loopback and private networks.

        // Act
        var parsed = WebhookUrlRules.Parse(url, allowLoopback: true, allowPrivateNetworks: true, out var problem);

        // Assert
        Assert.Null(parsed);
        Assert.StartsWith("The receiver URL points to an address LinX does not call (", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://hooks.example.com/linx\r\nX-Injected: 1")]
    [InlineData("https://hooks.example.com/linx\n")]
    [InlineData("https://hooks.example.com/li\rnx")]
    [InlineData("https://hooks.example.com/linx\t")]
    [InlineData("https://hooks.example.com/\u0000")]
    [InlineData("https://hooks.example.com/\u007f")]
    [InlineData("https://hooks.example.com/\u0085")]
    [InlineData(" https://hooks.example.com/linx")]
    [InlineData("https://hooks.example.com/linx ")]
    [InlineData("https://hooks.example.com/a b")]
    [InlineData("https://hooks.example.com/a\u00a0b")]
    [InlineData("https://hooks.example.com/a\u2028b")]
    public void Parse_ControlCharacterOrWhitespace_IsRefused(string url)
    {
        var parsed = WebhookUrlRules.Parse(url, allowLoopback: true, allowPrivateNetworks: true, out var problem);

        Assert.Null(parsed);
        Assert.Equal("The receiver URL must not contain spaces, line breaks or other control characters.", problem);
    }
}
