using System.Net;
using System.Net.Sockets;

namespace LinX.Core.Webhooks;

/// <summary>
/// The SSRF guard's rule on one address, applied to literal IP hosts when a receiver is registered and to every
/// resolved address on every connection. Built from the IANA special-purpose address registries
/// (<see href="https://www.iana.org/assignments/iana-ipv4-special-registry/">IPv4</see>,
/// <see href="https://www.iana.org/assignments/iana-ipv6-special-registry/">IPv6</see>), plus multicast
/// (224/4, ff00::/8), the deprecated site-local fec0::/10 (RFC 3879), the deprecated IPv4-compatible ::/96
/// (RFC 4291) and IPv4-translated ::ffff:0:0:0/96 (RFC 2765) forms, and known cloud metadata addresses.
/// </summary>
/// <remarks>
/// Every block that is not globally reachable is refused, and so is IPv6 outside global unicast 2000::/3. Whole
/// blocks are refused even where the registry marks a few single anycast addresses inside them as reachable
/// (in 192.0.0.0/24 and 2001::/23): no receiver lives there. Forms that carry an IPv4 address (IPv4-mapped,
/// IPv4-compatible, IPv4-translated, NAT64 64:ff9b::/96, 6to4 2002::/16 in bits 16–47) are judged as that IPv4
/// address, so <c>[::ffff:169.254.169.254]</c> or <c>[2002:a9fe:a9fe::1]</c> reach no metadata endpoint; Teredo and
/// NAT64 local-use 64:ff9b:1::/48 are refused outright. Loopback (127/8, ::1) only when allowed (local runs);
/// private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) only when allowed, their metadata addresses
/// never.
/// </remarks>
public static class OutboundAddressPolicy
{
    private static readonly Block[] IPv4Blocks = Table(
        Allow("0.0.0.0/0", "public"),
        Refuse("0.0.0.0/8", "\"this network\""),
        Private("10.0.0.0/8", "private-use"),
        Private("100.64.0.0/10", "shared (carrier-grade NAT)"),
        Refuse("100.100.100.200/32", "cloud metadata"),
        new("127.0.0.0/8", "loopback", Verdict.Loopback),
        Refuse("169.254.0.0/16", "link-local (cloud metadata)"),
        Private("172.16.0.0/12", "private-use"),
        Refuse("192.0.0.0/24", "IETF protocol assignments"),
        Refuse("192.0.2.0/24", "documentation (TEST-NET-1)"),
        Refuse("192.88.99.0/24", "6to4 relay anycast"),
        Private("192.168.0.0/16", "private-use"),
        Refuse("198.18.0.0/15", "benchmarking"),
        Refuse("198.51.100.0/24", "documentation (TEST-NET-2)"),
        Refuse("203.0.113.0/24", "documentation (TEST-NET-3)"),
        Refuse("224.0.0.0/4", "multicast"),
        Refuse("240.0.0.0/4", "reserved"),
        Refuse("255.255.255.255/32", "limited broadcast"));

    private static readonly Block[] IPv6Blocks = Table(
        Refuse("::/0", "not global unicast"),
        Allow("2000::/3", "global unicast"),
        Refuse("::/128", "unspecified"),
        new("::1/128", "loopback", Verdict.Loopback),
        CarriesIPv4("::/96", "IPv4-compatible", 12),
        CarriesIPv4("::ffff:0:0/96", "IPv4-mapped", 12),
        CarriesIPv4("::ffff:0:0:0/96", "IPv4-translated", 12),
        CarriesIPv4("64:ff9b::/96", "NAT64", 12),
        Refuse("64:ff9b:1::/48", "NAT64 local-use"),
        Refuse("100::/64", "discard-only"),
        Refuse("100:0:0:1::/64", "dummy prefix"),
        Refuse("2001::/23", "IETF protocol assignments (incl. Teredo 2001::/32)"),
        Refuse("2001:db8::/32", "documentation"),
        CarriesIPv4("2002::/16", "6to4", 2),
        Refuse("3fff::/20", "documentation"),
        Refuse("5f00::/16", "SRv6 SIDs"),
        Private("fc00::/7", "unique local"),
        Refuse("fd00:ec2::/32", "cloud metadata"),
        Refuse("fe80::/10", "link-local"),
        Refuse("fec0::/10", "site-local"),
        Refuse("ff00::/8", "multicast"));

    private enum Verdict
    {
        Allow,
        Refuse,
        Loopback,
        Private,
        CarriesIPv4,
    }

    public static bool IsAllowed(IPAddress address, bool allowLoopback, bool allowPrivateNetworks) =>
        RefusingBlock(address, allowLoopback, allowPrivateNetworks) is null;

    /// <summary>Null when LinX may call <paramref name="address"/>; else the block that refuses it, e.g. "link-local 169.254.0.0/16".</summary>
    public static string? RefusingBlock(IPAddress address, bool allowLoopback, bool allowPrivateNetworks)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? Judge(address.GetAddressBytes(), allowLoopback, allowPrivateNetworks)
            : "not an IP address";
    }

    private static string? Judge(byte[] address, bool allowLoopback, bool allowPrivateNetworks)
    {
        var block = Array.Find(address.Length == 4 ? IPv4Blocks : IPv6Blocks, b => b.Contains(address))!;
        return block.Verdict switch
        {
            Verdict.Allow => null,
            Verdict.Loopback when allowLoopback => null,
            Verdict.Private when allowPrivateNetworks => null,
            Verdict.CarriesIPv4 => Judge(address[block.IPv4At..(block.IPv4At + 4)], allowLoopback, allowPrivateNetworks) is { } carried
                ? $"{block.Name} carrying {carried}"
                : null,
            _ => block.Name,
        };
    }

    /// <summary>Most specific block first, so that a lookup's first match is the longest prefix.</summary>
    private static Block[] Table(params Block[] blocks) => [.. blocks.OrderByDescending(b => b.Length)];

    private static Block Allow(string cidr, string name) => new(cidr, name, Verdict.Allow);

    private static Block Refuse(string cidr, string name) => new(cidr, name, Verdict.Refuse);

    private static Block Private(string cidr, string name) => new(cidr, name, Verdict.Private);

    private static Block CarriesIPv4(string cidr, string name, int ipv4At) => new(cidr, name, Verdict.CarriesIPv4, ipv4At);

    /// <summary>One registry entry; the prefix is compared bit by bit (IPNetwork.Contains declines IPv4-mapped addresses).</summary>
    private sealed class Block
    {
        private readonly byte[] _prefix;

        public Block(string cidr, string name, Verdict verdict, int ipv4At = 0)
        {
            var slash = cidr.IndexOf('/', StringComparison.Ordinal);
            _prefix = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
            Length = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            Name = name + " " + cidr;
            Verdict = verdict;
            IPv4At = ipv4At;
        }

        public int Length { get; }

        public string Name { get; }

        public Verdict Verdict { get; }

        /// <summary>Where a carried IPv4 address starts (bytes), for <see cref="Verdict.CarriesIPv4"/>.</summary>
        public int IPv4At { get; }

        public bool Contains(byte[] address)
        {
            var whole = Length / 8;
            if (!address.AsSpan(0, whole).SequenceEqual(_prefix.AsSpan(0, whole)))
            {
                return false;
            }

            var mask = (byte)(0xff << (8 - (Length % 8)));
            return Length % 8 == 0 || (address[whole] & mask) == (_prefix[whole] & mask);
        }
    }
}
