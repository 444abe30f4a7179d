using LinX.Core.Admin;
using LinX.Core.Security;
using Microsoft.Extensions.Options;

namespace LinX.Core.SmsOptOuts;

/// <summary>Checks the secret of an inbound-SMS delivery against <see cref="InboundSmsOptions.SecretHashes"/> (fixed time).</summary>
public sealed class InboundSmsAuthenticator
{
    private readonly SecretHashes _hashes;

    public InboundSmsAuthenticator(IOptions<InboundSmsOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hashes = new SecretHashes(AdminOptions.ParseHashes(options.Value.SecretHashes) ?? []);
    }

    /// <summary>True when <paramref name="secret"/> is one of the configured secrets; false for every secret when none is.</summary>
    public bool IsValid(string? secret) => _hashes.Match(secret, InboundSmsOptions.MaxSecretLength) > 0;
}
