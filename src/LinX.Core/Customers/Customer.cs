namespace LinX.Core.Customers;

/// <summary>A postal address; country is US or CA.</summary>
public sealed record PostalAddress(
    string StreetLine1, string? StreetLine2, string City, string StateCode, string PostalCode, string CountryCode);

/// <summary>A customer of a business.</summary>
/// <remarks><c>MaskedPhoneNumber</c>: The phone number, masked: the full number is kept only encrypted on the workflow. <c>SourceWorkflowId</c>: The workflow that created it, if any.</remarks>
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
    DateTimeOffset CreatedAt);
