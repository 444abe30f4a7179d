using System.ComponentModel.DataAnnotations;
using Azure.Core;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Section <c>LinX:Storage</c>: a connection string (Azurite, keys) or the table service URI (managed identity
/// through <c>DefaultAzureCredential</c>), a prefix for table names, and the deadline of every storage call.
/// </summary>
public sealed class LinXStorageOptions : IValidatableObject
{
    public const string SectionName = "LinX:Storage";

    /// <summary>The first wait between tries; it doubles each retry, up to <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait between tries: storage that fails fast is retried within a second, not after many.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(1);

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table name (letters and digits, may be empty).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,30}$|^$")]
    public string TablePrefix { get; set; } = "LinX";

    /// <summary>
    /// How long one try of a storage request may take before it is abandoned (the Azure SDK's network timeout, whose
    /// default of 100 s made a frozen storage hang every call for minutes). One call takes at most
    /// (<see cref="MaxRetries"/> + 1) × this, plus the waits between tries.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed or timed-out storage request, after the first try.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>
    /// Gives an Azure SDK client these deadlines: every storage client of the process takes its options through here,
    /// so that no call waits longer than the settings say.
    /// </summary>
    public TOptions ApplyTo<TOptions>(TOptions options)
        where TOptions : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.NetworkTimeout = Timeout;
        options.Retry.MaxRetries = MaxRetries;
        options.Retry.Delay = RetryDelay;
        options.Retry.MaxDelay = MaxRetryDelay;
        return options;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (TableServiceUri is null))
        {
            yield return new ValidationResult(
                "Set exactly one of ConnectionString and TableServiceUri.", [nameof(ConnectionString), nameof(TableServiceUri)]);
        }

        if (Timeout < TimeSpan.FromMilliseconds(100) || Timeout > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Timeout must be between 100 ms and one minute.", [nameof(Timeout)]);
        }
    }
}
