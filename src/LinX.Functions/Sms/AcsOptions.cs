using System.ComponentModel.DataAnnotations;

namespace LinX.Functions.Sms;

/// <summary>Azure Communication Services SMS settings: configuration section <c>Acs</c>.</summary>
public sealed class AcsOptions : IValidatableObject
{
    public const string SectionName = "Acs";

    /// <summary>The ACS endpoint (<c>https://&lt;name&gt;.communication.azure.com</c>), used with the app's managed identity.</summary>
    public string? Endpoint { get; set; }

    /// <summary>An ACS connection string, for local development; when set it wins over <see cref="Endpoint"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The sender: an E.164 number or a short code bought on that ACS resource.</summary>
    [Required]
    [RegularExpression(@"^(\+[1-9][0-9]{6,14}|[0-9]{5,6})$", ErrorMessage = "Acs:SenderNumber must be an E.164 number or a short code.")]
    public string SenderNumber { get; set; } = string.Empty;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && !Uri.TryCreate(Endpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult(
                "Set Acs:Endpoint (an absolute URL, used with the managed identity) or Acs:ConnectionString.",
                [nameof(Endpoint), nameof(ConnectionString)]);
        }
    }
}
