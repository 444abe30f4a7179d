using System.ComponentModel.DataAnnotations;

namespace LinX.Core.Admin;

/// <summary>Validates a comma-separated list of SHA-256 hashes (64 hex digits each); empty is valid.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class Sha256HexListAttribute : ValidationAttribute
{
    public Sha256HexListAttribute()
        : base("The field {0} must be SHA-256 hashes (64 hex digits each), separated by commas.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && AdminOptions.ParseHashes(text) is not null);
}
