using System.Text.Json.Serialization;

namespace LinX.Core.Documents;

/// <summary>What kind of document a business asks its customers to accept.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentGroup>))]
public enum DocumentGroup
{
    /// <summary>Consent to receive notices and statements electronically.</summary>
    [JsonStringEnumMemberName("E_COMMUNICATION")] ECommunication,
    [JsonStringEnumMemberName("PRIVACY_POLICY")] PrivacyPolicy,
    [JsonStringEnumMemberName("TERMS_AND_CONDITIONS")] TermsAndConditions,
    [JsonStringEnumMemberName("CARDHOLDER_AGREEMENT")] CardholderAgreement,
    [JsonStringEnumMemberName("OTHER")] Other,
}
