namespace LinX.Core;

/// <summary>Error codes of the application services (the contract's own codes live with the validator).</summary>
public static class ServiceErrorCodes
{
    public const string NotFound = "NOT_FOUND";
    public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";
    public const string FinancialAccountNotFound = "FINANCIAL_ACCOUNT_NOT_FOUND";
    public const string FinancialAccountMismatch = "FINANCIAL_ACCOUNT_TYPE_MISMATCH";
    public const string IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string BodyTooLarge = "BODY_TOO_LARGE";
    public const string MalformedJson = "MALFORMED_JSON";
    public const string WorkflowNotActive = "WORKFLOW_NOT_ACTIVE";
    public const string WorkflowAlreadyAccepted = "WORKFLOW_ALREADY_ACCEPTED";
    public const string LinkDeliveredByBusiness = "LINK_DELIVERED_BY_BUSINESS";
    public const string ResendLimitReached = "RESEND_LIMIT_REACHED";
    public const string PhoneCountryNotAllowed = "PHONE_COUNTRY_NOT_ALLOWED";
    public const string StepNotCurrent = "STEP_NOT_CURRENT";
    public const string UnknownStep = "UNKNOWN_STEP";
    public const string PasscodeRequired = "PASSCODE_REQUIRED";
    public const string PasscodeWrong = "PASSCODE_WRONG";
    public const string Locked = "LINK_LOCKED";
    public const string Required = "REQUIRED";
    public const string InvalidValue = "INVALID_VALUE";
    public const string TooLong = "TOO_LONG";
    public const string InvalidPaging = "INVALID_PAGING";
    public const string InvalidExpiry = "INVALID_EXPIRY";
    public const string CardNumberInvalid = "CARD_NUMBER_INVALID";
    public const string CardExpired = "CARD_EXPIRED";
    public const string RoutingNumberInvalid = "ROUTING_NUMBER_INVALID";
    public const string AccountNumberInvalid = "ACCOUNT_NUMBER_INVALID";
    public const string TooYoung = "TOO_YOUNG";
}
