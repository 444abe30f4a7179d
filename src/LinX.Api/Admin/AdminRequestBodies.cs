using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using LinX.Core.Admin;
using LinX.Core.Businesses;

namespace LinX.Api.Admin;

// The shapes of the admin API's bodies, for the OpenAPI document only: LinX.Core's readers (BusinessRequest,
// ApiKeyRequest, BusinessAccountRequest) stay the one implementation of their rules; these records describe them.

/// <summary>The body of <c>POST /api/admin/businesses</c>.</summary>
public sealed record CreateBusinessBody(
    [property: Description("The business's legal name, at most 100 characters.")] string Name,
    [property: Description("Where it is registered: ISO 3166-1 alpha-2, such as CA or US.")] string Country,
    [property: Description("How it presents itself to its customers.")] BusinessProfile Profile)
{
    /// <summary>The countries whose mobile numbers LinX texts for it.</summary>
    [Description("The countries (ISO 3166-1 alpha-2) whose mobile numbers LinX texts for it; absent or empty: its own country only.")]
    public IReadOnlyList<string>? AllowedSmsCountries { get; init; }
}

/// <summary>The body of <c>POST /api/admin/businesses/{id}/financial-accounts</c>: the business's own bank account.</summary>
public sealed record AddBusinessAccountBody(
    [property: Description("CHECKING or SAVING.")] string FinancialAccountSubType,
    [property: Description("An ABA routing number: 9 digits with a valid checksum.")] string RoutingNumber,
    [property: Description("4 to 17 digits. Sent to the processor for a token, never stored or logged: LinX keeps its last 4 digits.")] string AccountNumber,
    [property: Description("The account holder's name, at most 100 characters.")] string NameOnAccount);

/// <summary>The body of <c>POST /api/admin/businesses/{id}/api-keys</c>.</summary>
public sealed record CreateApiKeyBody(
    [property: Description("What the key is for, at most 100 characters.")] string Name)
{
    /// <summary>Days until the key stops working.</summary>
    [Description("Days until the key stops working; absent: it works until revoked.")]
    [Range(1, ApiKeyService.MaxExpiresInDays)]
    public int? ExpiresInDays { get; init; }
}

/// <summary>The body of <c>POST /api/admin/businesses/{id}/api-keys/{keyId}/rotate</c> (may be empty).</summary>
public sealed record RotateApiKeyBody
{
    /// <summary>Hours the old key goes on working.</summary>
    [Description("Hours the old key goes on working next to the new one (0: it stops at once).")]
    [Range(0, ApiKeyService.MaxOverlapHours)]
    [DefaultValue(ApiKeyService.DefaultOverlapHours)]
    public int? OverlapHours { get; init; }

    /// <summary>Days until the new key stops working.</summary>
    [Description("Days until the new key stops working; absent: it works until revoked.")]
    [Range(1, ApiKeyService.MaxExpiresInDays)]
    public int? ExpiresInDays { get; init; }
}
