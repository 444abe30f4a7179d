using System.Text.Json.Serialization;

namespace LinX.Core.Customers;

/// <summary>The kind of a customer's address (RocketKOR's address <c>type</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AddressType>))]
public enum AddressType
{
    /// <summary>Where the customer lives; not a post office box.</summary>
    [JsonStringEnumMemberName("PHYSICAL")] Physical,

    /// <summary>Where mail goes.</summary>
    [JsonStringEnumMemberName("MAILING")] Mailing,

    /// <summary>Where parcels go.</summary>
    [JsonStringEnumMemberName("SHIPPING")] Shipping,
}

/// <summary>The kind of a customer's phone number: the mobile the link is texted to, or a home or work number they add.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PhoneType>))]
public enum PhoneType
{
    [JsonStringEnumMemberName("MOBILE")] Mobile,
    [JsonStringEnumMemberName("HOME")] Home,
    [JsonStringEnumMemberName("WORK")] Work,
}

/// <summary>The personal details an enhance-profile step can ask for (RocketKOR's <c>personalInfo</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PersonalInfoField>))]
public enum PersonalInfoField
{
    [JsonStringEnumMemberName("salutation")] Salutation,
    [JsonStringEnumMemberName("dateOfBirth")] DateOfBirth,
}

/// <summary>A customer's status (RocketKOR's customer <c>status</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerStatus>))]
public enum CustomerStatus
{
    [JsonStringEnumMemberName("ACTIVE")] Active,
    [JsonStringEnumMemberName("SUSPENDED")] Suspended,
}
