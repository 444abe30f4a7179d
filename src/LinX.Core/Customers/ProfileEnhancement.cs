namespace LinX.Core.Customers;

/// <summary>What the customer entered on an enhance-profile step (validated): only what the step asked for.</summary>
/// <remarks>Null or empty where the step did not ask. <c>Salutation</c>: MR, MRS, MS, MX or DR.</remarks>
public sealed record ProfileEnhancement(
    string? Salutation, DateOnly? DateOfBirth, IReadOnlyList<TypedAddress> Addresses, IReadOnlyList<TypedPhoneNumber> PhoneNumbers)
{
    public static IReadOnlyList<string> Salutations { get; } = ["MR", "MRS", "MS", "MX", "DR"];

    public bool Equals(ProfileEnhancement? other) =>
        other is not null && Salutation == other.Salutation && DateOfBirth == other.DateOfBirth
        && Addresses.SequenceEqual(other.Addresses) && PhoneNumbers.SequenceEqual(other.PhoneNumbers);

    public override int GetHashCode() => HashCode.Combine(Salutation, DateOfBirth, Addresses.Count, PhoneNumbers.Count);
}
