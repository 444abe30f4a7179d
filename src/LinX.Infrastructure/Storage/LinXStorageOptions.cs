using System.ComponentModel.DataAnnotations;

namespace LinX.Infrastructure.Storage;

/// <summary>
/// Section <c>LinX:Storage</c>: a connection string (Azurite, keys) or the table service URI (managed identity
/// through <c>DefaultAzureCredential</c>), and a prefix for table names.
/// </summary>
public sealed class LinXStorageOptions : IValidatableObject
{
    public const string SectionName = "LinX:Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    /// <summary>Prepended to every table name (letters and digits, may be empty).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,30}$|^$")]
    public string TablePrefix { get; set; } = "LinX";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) == (TableServiceUri is null))
        {
            yield return new ValidationResult(
                "Set exactly one of ConnectionString and TableServiceUri.", [nameof(ConnectionString), nameof(TableServiceUri)]);
        }
    }
}
