namespace LinX.Core.Workflows;

/// <summary>Sizes, lengths and ranges of the workflow contract, shared by the validator and the HTTP layer.</summary>
public static class WorkflowLimits
{
    /// <summary>Largest accepted request body (64 KiB); larger bodies are 400 BODY_TOO_LARGE.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>JSON nesting deeper than this is malformed: the contract is three levels deep.</summary>
    public const int MaxJsonDepth = 16;

    /// <summary>A valid request has at most four steps; beyond this the steps are not analysed one by one.</summary>
    public const int MaxSteps = 10;

    /// <summary>At most this many problems are listed, then one TOO_MANY_ERRORS.</summary>
    public const int MaxErrors = 100;

    public const int MaxTitleLength = 100;

    /// <summary>The most documents one document-acceptance step asks the customer to accept.</summary>
    public const int MaxDocuments = 10;
    public const int MaxIntroductoryMessageLength = 160;
    public const int MaxDescriptionLength = 140;
    public const int MaxMemoLength = 140;
    public const int MaxCustomerMemoLength = 500;

    /// <summary>Numeric strings longer than this are not numbers anyone means.</summary>
    public const int MaxNumericStringLength = 32;

    /// <summary>Phone numbers longer than this are rejected before libphonenumber sees them.</summary>
    public const int MaxPhoneNumberLength = 32;

    public const int MinExpireInDays = 1;
    public const int MaxExpireInDays = 365;
    public const int MinExpireInHours = 1;
    public const int MaxExpireInHours = 365 * 24;

    /// <summary>How far ahead a SCHEDULED payment's <c>startDateTime</c> may be, in days from the request (ADR 0024).</summary>
    public const int MaxScheduleAheadDays = 365;

    /// <summary>Expiry when the request gives neither <c>expireIn</c> nor <c>expireInHours</c>.</summary>
    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(90);

    public const decimal MaxAmount = 1_000_000.00m;
    public const int AmountDecimals = 2;
}
