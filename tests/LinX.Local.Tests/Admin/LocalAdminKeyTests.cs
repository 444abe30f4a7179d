using LinX.Core.Admin;
using LinX.Core.Security;
using LinX.Local.Admin;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace LinX.Local.Tests.Admin;

/// <summary>Where the local host's admin key comes from: configuration, a random one in Development, or none.</summary>
public sealed class LocalAdminKeyTests
{
    [Fact]
    public void PostConfigure_DevelopmentWithNoKey_MakesOneKeyAcceptedByTheAuthenticator()
    {
        var key = new LocalAdminKey(Environment(Environments.Development));
        var first = new AdminOptions();
        var second = new AdminOptions();

        key.PostConfigure(null, first);
        key.PostConfigure(null, second);

        Assert.StartsWith("linx_admin_", key.Generated, StringComparison.Ordinal);
        Assert.Equal(Hashing.Sha256Hex(key.Generated!), first.ApiKeyHashes);
        Assert.Equal(first.ApiKeyHashes, second.ApiKeyHashes);
        Assert.NotNull(new AdminAuthenticator(Microsoft.Extensions.Options.Options.Create(first)).Authenticate(key.Generated));
        Assert.Equal(key.Generated, key.Describe(first));
    }

    [Fact]
    public void PostConfigure_ConfiguredKey_IsHashedNextToTheConfiguredHashesAndNothingIsMade()
    {
        var key = new LocalAdminKey(Environment(Environments.Development));
        var existing = Hashing.Sha256Hex("linx_admin_other");
        var options = new AdminOptions { ApiKey = "linx_admin_script", ApiKeyHashes = existing };

        key.PostConfigure(null, options);

        Assert.Null(key.Generated);
        Assert.Equal(existing + "," + Hashing.Sha256Hex("linx_admin_script"), options.ApiKeyHashes);
        Assert.Equal("(from configuration LinX:Admin:ApiKey)", key.Describe(options));
    }

    [Fact]
    public void PostConfigure_ProductionWithNoKey_LeavesTheAdminApiClosed()
    {
        var key = new LocalAdminKey(Environment(Environments.Production));
        var options = new AdminOptions();

        key.PostConfigure(null, options);

        Assert.Null(key.Generated);
        Assert.Null(new AdminAuthenticator(Microsoft.Extensions.Options.Options.Create(options)).Authenticate("linx_admin_anything"));
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name };
}
