using System.Net;
using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class OutboundAddressPolicyTests
{
    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("100.100.100.200")]
    [InlineData("fe80::1")]
    [InlineData("ff02::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::")]
    [InlineData("::ffff:169.254.169.254")]
    public void IsAllowed_LinkLocalMetadataOrSpecial_IsFalseEvenWhenLocalIsAllowed(string address)
    {
        Assert.False(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: true, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void IsAllowed_Loopback_OnlyWhenAllowed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: false, allowPrivateNetworks: true));
        Assert.True(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: true, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("fd12:3456::1")]
    public void IsAllowed_PrivateRange_OnlyWhenAllowed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: true, allowPrivateNetworks: false));
        Assert.True(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: false, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    public void IsAllowed_PublicAddress_IsTrue(string address)
    {
        Assert.True(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false, allowPrivateNetworks: false));
    }
}
