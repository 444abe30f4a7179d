using System.ComponentModel.DataAnnotations;

namespace LinX.Core.Security;

/// <summary>Validates that a string is base64 for exactly 32 bytes (a 256-bit key).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class Base64Key32Attribute : ValidationAttribute
{
    public Base64Key32Attribute()
        : base("The field {0} must be 32 bytes in base64.")
    {
    }

    public override bool IsValid(object? value)
    {
        if (value is not string text || text.Length == 0)
        {
            return value is null; // [Required] reports the missing value.
        }

        Span<byte> buffer = stackalloc byte[64];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == 32;
    }
}
