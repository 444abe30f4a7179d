using System.Net;
using LinX.Core.Webhooks;

namespace LinX.Core.Tests.Webhooks;

public sealed class OutboundAddressPolicyTests
{
    [Theory]
    // Findings of issue 19: 169.254.169.254 inside IPv6 forms, and TEST-NET-1 at connect time.
    [InlineData("::a9fe:a9fe")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("2002:a9fe:a9fe::1")]
    [InlineData("::ffff:0:a9fe:a9fe")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:a9fe:a9fe")]
    [InlineData("192.0.2.1")]
    // IPv4 special-purpose registry (and multicast).
    [InlineData("0.0.0.0")]
    [InlineData("0.255.255.255")]
    [InlineData("169.254.169.254")]
    [InlineData("169.254.0.1")]
    [InlineData("100.100.100.200")]
    [InlineData("192.0.0.1")]
    [InlineData("192.0.0.192")]
    [InlineData("192.0.2.255")]
    [InlineData("192.88.99.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.255")]
    [InlineData("198.51.100.7")]
    [InlineData("203.0.113.9")]
    [InlineData("224.0.0.1")]
    [InlineData("239.255.255.255")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.254")]
    [InlineData("255.255.255.255")]
    // IPv6 special-purpose registry (and multicast, site-local, outside global unicast).
    [InlineData("::")]
    [InlineData("::0.0.0.2")]
    [InlineData("::ffff:192.0.2.1")]
    [InlineData("::ffff:0:c000:201")]
    [InlineData("64:ff9b::c000:201")]
    [InlineData("64:ff9b:1::1")]
    [InlineData("64:ff9b:1::808:808")]
    [InlineData("100::1")]
    [InlineData("100::ffff:ffff:ffff:ffff")]
    [InlineData("100:0:0:1::1")]
    [InlineData("2001::1")]
    [InlineData("2001:0:4136:e378:8000:63bf:3f57:fdf2")]
    [InlineData("2001:2::1")]
    [InlineData("2001:1ff:ffff::1")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")]
    [InlineData("2002:c000:201::1")]
    [InlineData("2002::1")]
    [InlineData("3fff::1")]
    [InlineData("3fff:fff:ffff::1")]
    [InlineData("5f00::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("fe80::1")]
    [InlineData("febf:ffff::1")]
    [InlineData("fec0::1")]
    [InlineData("ff02::1")]
    [InlineData("ff0e::1")]
    [InlineData("4000::1")]
    [InlineData("1::1")]
    public void IsAllowed_NotGloballyReachable_IsFalseEvenWhenLocalIsAllowed(string address)
    {
        // Arrange
        var ip = IPAddress.Parse(address);

        // Act
        var allowed = OutboundAddressPolicy.IsAllowed(ip, allowLoopback: true, allowPrivateNetworks: true);

        // Assert
        Assert.False(allowed);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.255.254")]
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
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("2002:a01:203::1")]
    [InlineData("64:ff9b::a01:203")]
    public void IsAllowed_PrivateRange_OnlyWhenAllowed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.False(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: true, allowPrivateNetworks: false));
        Assert.True(OutboundAddressPolicy.IsAllowed(ip, allowLoopback: false, allowPrivateNetworks: true));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("1.1.1.1")]
    [InlineData("93.184.216.34")]
    [InlineData("::ffff:93.184.216.34")]
    [InlineData("192.0.1.255")]
    [InlineData("192.0.3.1")]
    [InlineData("192.31.196.1")]
    [InlineData("198.17.255.255")]
    [InlineData("198.20.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700::1111")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("2001:200::1")]
    [InlineData("2a00:1450:4001::1")]
    [InlineData("64:ff9b::808:808")]
    [InlineData("2002:808:808::1")]
    public void IsAllowed_PublicAddress_IsTrue(string address)
    {
        Assert.True(OutboundAddressPolicy.IsAllowed(IPAddress.Parse(address), allowLoopback: false, allowPrivateNetworks: false));
    }

    [Theory]
    [InlineData("192.0.2.1", "documentation (TEST-NET-1) 192.0.2.0/24")]
    [InlineData("2002:a9fe:a9fe::1", "6to4 2002::/16 carrying link-local (cloud metadata) 169.254.0.0/16")]
    [InlineData("2001::1", "IETF protocol assignments (incl. Teredo 2001::/32) 2001::/23")]
    [InlineData("8.8.8.8", null)]
    public void RefusingBlock_Address_NamesTheRegistryBlock(string address, string? expected)
    {
        var block = OutboundAddressPolicy.RefusingBlock(IPAddress.Parse(address), allowLoopback: false, allowPrivateNetworks: false);

        Assert.Equal(expected, block);
    }
}
