using LinX.Core.Customers;
using LinX.Core.Documents;

namespace LinX.Core.Gateway;

/// <summary>
/// What an enhance-profile step asks the customer for (only these fields are shown and accepted), and what is on file for a
/// customer the business looked up, to prefill: the salutation and the addresses of the asked types (never the date of
/// birth or phone numbers, which whoever holds the link must type).
/// </summary>
/// <remarks>
/// <c>PersonalInfo</c>: <c>salutation</c>, <c>dateOfBirth</c>. <c>Addresses</c>: SHIPPING, MAILING, PHYSICAL.
/// <c>PhoneNumbers</c>: HOME, WORK. <c>Salutations</c>: the values the salutation takes.
/// </remarks>
public sealed record GatewayProfileNeeds(
    IReadOnlyList<PersonalInfoField> PersonalInfo,
    IReadOnlyList<AddressType> Addresses,
    IReadOnlyList<PhoneType> PhoneNumbers,
    IReadOnlyList<string> Salutations,
    string? Salutation,
    IReadOnlyList<GatewayAddress> OnFile);

/// <summary>An address in RocketKOR's fields, as the enhance-profile form shows and submits it (<c>countryCode</c> CAN or USA).</summary>
public sealed record GatewayAddress(AddressType Type, string StreetLine1, string? StreetLine2, string CityName, string StateCode, string CountryCode, string ZipCode)
{
    public static GatewayAddress From(TypedAddress typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var a = typed.Address;
        return new(typed.Type, a.StreetLine1, a.StreetLine2, a.City, a.StateCode, CountryCodes.Alpha3(a.CountryCode), a.PostalCode);
    }
}

/// <summary>
/// A document of a document-acceptance step as the customer reads it: the pinned version's full text (plain text: the page
/// renders it as text, never as markup) and the SHA-256 their acceptance records. Submit each one's id and version.
/// </summary>
public sealed record GatewayDocument(
    string DocumentId, DocumentGroup DocumentGroup, string Title, int Version, string Sha256, string Locale, string Text);
