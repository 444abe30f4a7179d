namespace LinX.Core.Customers;

/// <summary>A postal address; country is US or CA.</summary>
public sealed record PostalAddress(
    string StreetLine1, string? StreetLine2, string City, string StateCode, string PostalCode, string CountryCode);

/// <summary>A customer of a business: the business owns it and reads it in full; logs and history see it masked.</summary>
/// <remarks>
/// <c>MaskedPhoneNumber</c>: the phone number, masked, for display. <c>PhoneNumber</c>: the full number (E.164), stored
/// only encrypted; null for customers created before it was kept. <c>SourceWorkflowId</c>: the workflow that created it, if any.
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
}
