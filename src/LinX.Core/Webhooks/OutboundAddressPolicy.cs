using System.Net;
using System.Net.Sockets;

namespace LinX.Core.Webhooks;

/// <summary>
/// The SSRF guard's rule on one resolved address: never unspecified, link-local (169.254/16, fe80::/10, which holds
/// the cloud metadata endpoints), multicast, broadcast or known metadata addresses; loopback only when allowed (local
/// runs), private ranges only when allowed. IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
/// </summary>
public static class OutboundAddressPolicy
{
    public static bool IsAllowed(IPAddress address, bool allowLoopback, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return allowLoopback;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 => false,                                            // 0.0.0.0/8 "this network"
                169 when b[1] == 254 => false,                         // link-local, metadata 169.254.169.254
                >= 224 => false,                                       // multicast, reserved, broadcast
                100 when b[1] == 100 && b[2] == 100 && b[3] == 200 => false, // Alibaba metadata
                10 => allowPrivateNetworks,
                172 when b[1] is >= 16 and <= 31 => allowPrivateNetworks,
                192 when b[1] == 168 => allowPrivateNetworks,
                100 when b[1] is >= 64 and <= 127 => allowPrivateNetworks, // carrier-grade NAT
                192 when b[1] == 0 && b[2] == 0 => false,              // IETF protocol assignments
                198 when b[1] is 18 or 19 => allowPrivateNetworks,     // benchmarking
                _ => true,
            };
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal)
            {
                return false;
            }

            var b = address.GetAddressBytes();
            if (b[0] == 0xfd && b[1] == 0x00 && b[2] == 0x0e && b[3] == 0xc2)
            {
                return false; // AWS metadata fd00:ec2::254 (and its /32)
            }

            if ((b[0] & 0xfe) == 0xfc)
            {
                return allowPrivateNetworks; // unique local fc00::/7
            }

            return true;
        }

        return false;
    }
}
