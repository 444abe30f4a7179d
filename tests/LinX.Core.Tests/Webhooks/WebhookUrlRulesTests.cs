using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class WebhookUrlRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.com/linx", false)]
    [InlineData("http://127.0.0.1:5000/hook", true)]
    [InlineData("http://localhost:5000/hook", true)]
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
}
