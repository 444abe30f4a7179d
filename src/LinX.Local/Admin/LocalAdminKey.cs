using LinX.Core.Admin;
using LinX.Core.Security;
using Microsoft.Extensions.Options;

namespace LinX.Local.Admin;

/// <summary>
/// The local host's admin key: <c>LinX:Admin:ApiKey</c> when configured (for scripts), else in Development with no
/// <c>LinX:Admin:ApiKeyHashes</c> a random one made once at start; either is hashed into the accepted hashes. The
/// demo seeder prints it once to the console, never through the logger. Outside Development, with neither setting,
/// there is none and the admin API answers 401.
/// </summary>
public sealed class LocalAdminKey(IHostEnvironment environment) : IPostConfigureOptions<AdminOptions>
{
    private readonly Lazy<string> _generated = new(() => "linx_admin_" + Hashing.RandomToken());

    /// <summary>The key made at start, or null when one is configured (or none is wanted).</summary>
    public string? Generated { get; private set; }

    public void PostConfigure(string? name, AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.ApiKey;
        if (string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(options.ApiKeyHashes) && environment.IsDevelopment())
        {
            // Lazy: the options may be built more than once (IOptions and IOptionsMonitor each build their own), with one key.
            key = Generated = _generated.Value;
        }

        if (!string.IsNullOrWhiteSpace(key))
        {
            options.ApiKeyHashes = string.IsNullOrWhiteSpace(options.ApiKeyHashes) ? Hashing.Sha256Hex(key) : options.ApiKeyHashes + "," + Hashing.Sha256Hex(key);
        }
    }

    /// <summary>What the console says of the admin key.</summary>
    public string Describe(AdminOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Generated
            ?? (!string.IsNullOrWhiteSpace(options.ApiKey) ? "(from configuration LinX:Admin:ApiKey)"
            : !string.IsNullOrWhiteSpace(options.ApiKeyHashes) ? "(configured by its hash, LinX:Admin:ApiKeyHashes)"
            : "none: the admin API answers 401 (set LinX:Admin:ApiKeyHashes or LinX:Admin:ApiKey)");
    }
}
