namespace LinX.Core.Customers;

/// <summary>A postal address; country is US or CA (ISO 3166-1 alpha-2 here; alpha-3 in the business's customer object).</summary>
public sealed record PostalAddress(
    string StreetLine1, string? StreetLine2, string City, string StateCode, string PostalCode, string CountryCode);

/// <summary>An address of a customer and its type (RocketKOR's <c>addresses[]</c>); one of each type.</summary>
public sealed record TypedAddress(AddressType Type, PostalAddress Address);

/// <summary>A phone number of a customer other than the mobile the link is texted to (HOME, WORK), E.164.</summary>
public sealed record TypedPhoneNumber(PhoneType Type, string PhoneNumber);

/// <summary>A customer of a business: the business owns it and reads it in full; logs and history see it masked.</summary>
/// <remarks>
/// <c>Address</c>: the PHYSICAL address (the profile's). <c>MaskedPhoneNumber</c>: the phone number, masked, for display.
/// <c>PhoneNumber</c>: the mobile number (E.164), stored only encrypted; null for customers created before it was kept.
/// <c>SourceWorkflowId</c>: the workflow that created it, if any.
/// </remarks>
public sealed record Customer(
    Guid CustomerId,
    Guid BusinessId,
    string FirstName,
    string LastName,
    string Email,
    DateOnly DateOfBirth,
    PostalAddress Address,
    string? MaskedPhoneNumber,
    Guid? SourceWorkflowId,
    DateTimeOffset CreatedAt)
{
    public string? PhoneNumber { get; init; }

    /// <summary>MR, MRS, MS, MX or DR, when the customer gave one (an enhance-profile step).</summary>
    public string? Salutation { get; init; }

    public CustomerStatus Status { get; init; } = CustomerStatus.Active;

    /// <summary>The MAILING and SHIPPING addresses the customer added (an enhance-profile step), each type once.</summary>
    public IReadOnlyList<TypedAddress> OtherAddresses { get; init; } = [];

    /// <summary>The HOME and WORK numbers the customer added (stored only encrypted), each type once.</summary>
    public IReadOnlyList<TypedPhoneNumber> OtherPhoneNumbers { get; init; } = [];

    /// <summary>When the profile last changed after its creation; null when it never did.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Every address, the PHYSICAL one first.</summary>
    public IReadOnlyList<TypedAddress> Addresses => [new TypedAddress(AddressType.Physical, Address), .. OtherAddresses];

    /// <summary>The profile with what an enhance-profile step gathered: given values replace those of the same kind.</summary>
    public Customer With(ProfileEnhancement enhancement, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(enhancement);
        var physical = enhancement.Addresses.FirstOrDefault(a => a.Type == AddressType.Physical)?.Address ?? Address;
        var others = enhancement.Addresses.Where(a => a.Type != AddressType.Physical).ToList();
        var phones = enhancement.PhoneNumbers;
        return this with
        {
            Salutation = enhancement.Salutation ?? Salutation,
            DateOfBirth = enhancement.DateOfBirth ?? DateOfBirth,
            Address = physical,
            OtherAddresses = [.. OtherAddresses.Where(a => others.TrueForAll(o => o.Type != a.Type)), .. others],
            OtherPhoneNumbers = [.. OtherPhoneNumbers.Where(p => phones.All(n => n.Type != p.Type)), .. phones],
            UpdatedAt = at,
        };
    }
}
