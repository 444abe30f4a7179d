using LinX.Core.Security;
using System.Security.Cryptography;
using LinX.Testing;

namespace LinX.Bench.Harness;

/// <summary>
/// The configuration of one LinX host on one Azurite: a free loopback port, its own table prefix and task hub,
/// fresh keys and a fixed demo API key. Kept for the life of a run so that a restarted host is the same host.
/// </summary>
public sealed class HostSettings
{
    public HostSettings(string connectionString)
    {
        ConnectionString = connectionString;
        BaseUrl = $"http://127.0.0.1:{Ports.Free()}";
        TablePrefix = AzuriteFixture.UniqueName("lx");
        TaskHub = AzuriteFixture.UniqueName("hub");
        DemoApiKey = "linx_bench_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Urls"] = BaseUrl,
            ["LinX:PublicBaseUrl"] = BaseUrl,
            ["LinX:Storage:ConnectionString"] = connectionString,
            ["LinX:Storage:TablePrefix"] = TablePrefix,
            ["LinX:Durable:ConnectionString"] = connectionString,
            ["LinX:Durable:TaskHub"] = TaskHub,
            ["LinX:Security:DataKey"] = Key(),
            ["LinX:Security:LinkKey"] = Key(),
            ["LinX:Security:FingerprintKey"] = Key(),
            ["LinX:Demo:ApiKey"] = DemoApiKey,
            ["LinX:DevSmsInbox"] = "true",
            ["LinX:Azurite:AutoStart"] = "false",

            // Benchmarks and the reliability suites drive one key and one address far past any customer's pace: they
            // measure LinX, not its rate limiter (tests/LinX.Local.Tests/Security/RateLimitTests cover that).
            ["LinX:RateLimits:Enabled"] = "false",
        };
    }

    /// <summary>The keys of <c>LinX:Security</c> this host runs with.</summary>
    public LinXSecurityOptions Security => new()
    {
        DataKey = Values["LinX:Security:DataKey"]!,
        LinkKey = Values["LinX:Security:LinkKey"]!,
        FingerprintKey = Values["LinX:Security:FingerprintKey"]!,
    };

    private HostSettings(HostSettings first)
    {
        ConnectionString = first.ConnectionString;
        BaseUrl = $"http://127.0.0.1:{Ports.Free()}";
        TablePrefix = first.TablePrefix;
        TaskHub = first.TaskHub;
        DemoApiKey = first.DemoApiKey;
        Values = new Dictionary<string, string?>(first.Values, StringComparer.Ordinal) { ["Urls"] = BaseUrl };
    }

    public string ConnectionString { get; }

    public string BaseUrl { get; }

    public string TablePrefix { get; }

    public string TaskHub { get; }

    public string DemoApiKey { get; }

    /// <summary>Configuration keys (<c>LinX:Durable:TaskHub</c> form); add or override before starting the host.</summary>
    public IDictionary<string, string?> Values { get; }

    /// <summary>
    /// Another host of the same deployment (scale-out): the same tables, task hub, keys and public URL, its own port.
    /// Values set on this one so far are copied.
    /// </summary>
    public HostSettings AnotherHost() => new(this);

    /// <summary>The same settings as environment variables (<c>LinX__Durable__TaskHub</c>).</summary>
    public IEnumerable<KeyValuePair<string, string?>> AsEnvironment() =>
        Values.Select(kv => new KeyValuePair<string, string?>(kv.Key.Replace(":", "__", StringComparison.Ordinal), kv.Value));

    private static string Key() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
