using System.ComponentModel.DataAnnotations;

namespace LinX.Infrastructure.Sms;

/// <summary>
/// Section <c>LinX:Sms:Acs</c>: the Azure Communication Services resource and sender. Without
/// <see cref="AccessKey"/> the sender authenticates with Microsoft Entra ID (<c>DefaultAzureCredential</c>: the app's
/// managed identity in Azure), which is the production setting; the key is for environments without one.
/// </summary>
public sealed class AcsSmsOptions : IValidatableObject
{
    public const string SectionName = "LinX:Sms:Acs";

    /// <summary>The resource endpoint, <c>https://&lt;name&gt;.communication.azure.com</c> (no path).</summary>
    [Required]
    public Uri? Endpoint { get; set; }

    /// <summary>The sender: an E.164 number, a short code or an alphanumeric sender id (at most 11 letters, digits or spaces, one letter at least) of that resource.</summary>
    [Required]
    [RegularExpression(
        @"^(\+[1-9][0-9]{6,14}|[0-9]{5,6}|(?=[A-Za-z0-9 ]{1,11}$)[0-9 ]*[A-Za-z][A-Za-z0-9 ]*)$",
        ErrorMessage = "LinX:Sms:Acs:From must be an E.164 number, a short code or an alphanumeric sender id.")]
    public string From { get; set; } = string.Empty;

    /// <summary>An access key of the resource (base64), for HMAC-SHA256 signing; absent: Microsoft Entra ID. A secret: never logged.</summary>
    public string? AccessKey { get; set; }

    /// <summary>Asks ACS for delivery reports (published on the resource's Event Grid topic).</summary>
    public bool EnableDeliveryReport { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Endpoint is { } endpoint
            && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps || endpoint.AbsolutePath != "/"
                || endpoint.Query.Length > 0 || endpoint.Fragment.Length > 0 || endpoint.UserInfo.Length > 0))
        {
            yield return new ValidationResult(
                "LinX:Sms:Acs:Endpoint must be the resource's https endpoint without a path, e.g. https://name.communication.azure.com.",
                [nameof(Endpoint)]);
        }

        // The message never quotes the key: it is a secret, and validation messages end up in logs.
        if (AccessKey is not null && (AccessKey.Length == 0 || !Convert.TryFromBase64String(AccessKey, new byte[AccessKey.Length], out var length) || length == 0))
        {
            yield return new ValidationResult(
                "LinX:Sms:Acs:AccessKey must be a base64 access key of the resource; remove it to use Microsoft Entra ID.",
                [nameof(AccessKey)]);
        }
    }
}
