using System.Security.Cryptography;
using LinX.Core.Security;
using Microsoft.Extensions.Options;

namespace LinX.Core.Tests.Security;

/// <summary>A <see cref="LinXCrypto"/> with fresh random keys.</summary>
internal static class TestCrypto
{
    public static LinXCrypto Create() => new(Options.Create(new LinXSecurityOptions
    {
        DataKey = Key(), LinkKey = Key(), FingerprintKey = Key(),
    }));

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
