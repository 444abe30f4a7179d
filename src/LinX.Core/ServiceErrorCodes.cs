namespace LinX.Core;

/// <summary>
/// Error codes of the application services, the Gateway and the Durable management API. With
/// <see cref="Workflows.WorkflowErrorCodes"/> (the contract's codes) and LinX.Api's <c>ApiErrorCodes</c> (the top-level codes)
/// this is the one catalogue of codes, each spelled once: a code that means what an existing one means reuses it.
/// docs/errors.md lists every code with an example, and a test keeps the two equal. Clients branch on these; never rename one.
/// </summary>
public static class ServiceErrorCodes
{
    /// <summary>404: no such resource for this caller (also another tenant's resource).</summary>
    public const string NotFound = "NOT_FOUND";

    /// <summary>422: the customer named by the request does not exist for this business.</summary>
    public const string CustomerNotFound = "CUSTOMER_NOT_FOUND";

    /// <summary>422: the financial account named by the request does not exist for this business.</summary>
    public const string FinancialAccountNotFound = "FINANCIAL_ACCOUNT_NOT_FOUND";

    /// <summary>422: the financial account is not of the kind the payment solution needs, or not the customer's.</summary>
    public const string FinancialAccountMismatch = "FINANCIAL_ACCOUNT_TYPE_MISMATCH";

    /// <summary>400: the Idempotency-Key header is blank, sent twice, or not 6 to 255 visible ASCII characters.</summary>
    public const string IdempotencyKeyInvalid = "IDEMPOTENCY_KEY_INVALID";

    /// <summary>409: the Idempotency-Key was used before with another body.</summary>
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";

    /// <summary>409 (410 on the Durable management API): the workflow has ended, or was never started.</summary>
    public const string WorkflowNotActive = "WORKFLOW_NOT_ACTIVE";

    /// <summary>409: the customer accepted the workflow before the cancel arrived.</summary>
    public const string WorkflowAlreadyAccepted = "WORKFLOW_ALREADY_ACCEPTED";

    /// <summary>409: the business delivers this workflow's link itself (channel BUSINESS), so LinX does not resend it.</summary>
    public const string LinkDeliveredByBusiness = "LINK_DELIVERED_BY_BUSINESS";

    /// <summary>429: the link was resent too often (once a minute, 5 times a day); see Retry-After.</summary>
    public const string ResendLimitReached = "RESEND_LIMIT_REACHED";

    /// <summary>422: the phone number is of a country this business may not text.</summary>
    public const string PhoneCountryNotAllowed = "PHONE_COUNTRY_NOT_ALLOWED";

    /// <summary>409: the Gateway submission is for a step that is not the current one.</summary>
    public const string StepNotCurrent = "STEP_NOT_CURRENT";

    /// <summary>403: the link needs its passcode first.</summary>
    public const string PasscodeRequired = "PASSCODE_REQUIRED";

    /// <summary>400: the passcode is wrong; the message says how many tries are left (409 when too many tries race).</summary>
    public const string PasscodeWrong = "PASSCODE_WRONG";

    /// <summary>400: an ACH debit was accepted without ticking its authorisation (<c>"authorize": true</c>).</summary>
    public const string AuthorizationRequired = "AUTHORIZATION_REQUIRED";

    /// <summary>400: the passcode is not 6 digits.</summary>
    public const string PasscodeFormat = "INVALID_PASSCODE_FORMAT";

    /// <summary>423: the link is locked after too many wrong passcodes.</summary>
    public const string Locked = "LINK_LOCKED";

    /// <summary>400: extend names neither or both of expireAt and hours.</summary>
    public const string ExtendTargetRequired = "EXTEND_TARGET_REQUIRED";

    /// <summary>400: a date or time is not ISO 8601 with an offset.</summary>
    public const string InvalidDate = "INVALID_DATE";

    /// <summary>400: the new expiry is not later than the current one, or more than 365 days after creation.</summary>
    public const string InvalidExpiry = "INVALID_EXPIRY";

    /// <summary>400: the card number fails its checks (length, Luhn).</summary>
    public const string CardNumberInvalid = "CARD_NUMBER_INVALID";

    /// <summary>400: the card's expiry month has passed.</summary>
    public const string CardExpired = "CARD_EXPIRED";

    /// <summary>400: the routing number is not 9 digits with a valid checksum.</summary>
    public const string RoutingNumberInvalid = "ROUTING_NUMBER_INVALID";

    /// <summary>400: the bank account number is not 4 to 17 digits.</summary>
    public const string AccountNumberInvalid = "ACCOUNT_NUMBER_INVALID";

    /// <summary>400: the card's CVC is not 3 digits (4 for American Express).</summary>
    public const string CvcInvalid = "CVC_INVALID";

    /// <summary>400: the card's billing postal code is not a US ZIP, a Canadian postal code, or 3 to 10 letters and digits.</summary>
    public const string BillingPostalCodeInvalid = "BILLING_POSTAL_CODE_INVALID";

    /// <summary>400: the card's issuer says the CVC does not match the card.</summary>
    public const string CvcMismatch = "CVC_MISMATCH";

    /// <summary>400: the card's issuer says the billing postal code does not match the card.</summary>
    public const string BillingPostalCodeMismatch = "BILLING_POSTAL_CODE_MISMATCH";

    /// <summary>400: the bank account number typed the second time differs from the first.</summary>
    public const string AccountNumberConfirmMismatch = "ACCOUNT_NUMBER_CONFIRM_MISMATCH";

    /// <summary>409: a retry with another account was posted while the payment does not wait for one.</summary>
    public const string RetryNotAvailable = "RETRY_NOT_AVAILABLE";

    /// <summary>400: the customer is younger than 18.</summary>
    public const string TooYoung = "TOO_YOUNG";

    /// <summary>400: a Durable management call asks for the history, which LinX never serves.</summary>
    public const string HistoryNotSupported = "HISTORY_NOT_SUPPORTED";

    /// <summary>400: a Durable raiseEvent names an event other than WorkflowEvent.</summary>
    public const string UnknownEvent = "UNKNOWN_EVENT";

    /// <summary>400: a Durable raiseEvent carries a kind a business may not raise (only Cancel, Resend, Extend).</summary>
    public const string EventNotAllowed = "EVENT_NOT_ALLOWED";

    /// <summary>409: the business has the most webhook subscriptions allowed.</summary>
    public const string WebhookSubscriptionLimit = "WEBHOOK_SUBSCRIPTION_LIMIT";

    /// <summary>409: the webhook subscription is suspended; resume it first.</summary>
    public const string WebhookSubscriptionSuspended = "WEBHOOK_SUBSCRIPTION_SUSPENDED";

    /// <summary>409: time travel (LinX.Local in Development) on a workflow created without LinX:DevTimeTravel, which ignores it.</summary>
    public const string TimeTravelNotAllowed = "TIME_TRAVEL_NOT_ALLOWED";

    /// <summary>400: not an ISO 3166-1 alpha-2 country code LinX knows (such as CA or US).</summary>
    public const string InvalidCountry = "INVALID_COUNTRY";

    /// <summary>400: not an absolute https URL of at most 2048 characters, without credentials.</summary>
    public const string InvalidUrl = "INVALID_URL";

    /// <summary>400: not an IANA time zone id (such as America/Toronto).</summary>
    public const string InvalidTimeZone = "INVALID_TIME_ZONE";

    /// <summary>400: a locale LinX does not write its messages in (en or fr-CA).</summary>
    public const string UnsupportedLocale = "UNSUPPORTED_LOCALE";

    /// <summary>409: the business has the most API keys that still work; revoke one first.</summary>
    public const string ApiKeyLimitReached = "API_KEY_LIMIT_REACHED";

    /// <summary>409: the API key is revoked or expired, so it cannot be rotated.</summary>
    public const string ApiKeyNotActive = "API_KEY_NOT_ACTIVE";

    /// <summary>409: the workflow's link is locked after too many wrong passcodes; set a new passcode (new-passcode) first.</summary>
    public const string WorkflowLocked = "WORKFLOW_LOCKED";

    /// <summary>409: the workflow was created without <c>passcode: true</c>, so it has no passcode to replace.</summary>
    public const string PasscodeNotUsed = "PASSCODE_NOT_USED";

    /// <summary>400: the accent colour is not #RRGGBB.</summary>
    public const string InvalidColor = "INVALID_COLOR";

    /// <summary>400: white text on the accent colour has a contrast below 4.5:1 (the Gateway page's primary buttons).</summary>
    public const string ColorContrastTooLow = "COLOR_CONTRAST_TOO_LOW";

    /// <summary>400: the logo's bytes are not the image its Content-Type says (magic bytes, header).</summary>
    public const string LogoNotAnImage = "LOGO_NOT_AN_IMAGE";

    /// <summary>400: the logo is more than 1024 pixels wide or high.</summary>
    public const string LogoDimensionsTooLarge = "LOGO_DIMENSIONS_TOO_LARGE";

    /// <summary>413: the logo is larger than 64 KiB.</summary>
    public const string LogoTooLarge = "LOGO_TOO_LARGE";

    /// <summary>422: the customer's number opted out of the business's SMS (replied STOP, or the business added it).</summary>
    public const string PhoneOptedOut = "PHONE_OPTED_OUT";

    /// <summary>A workflow names a document the business does not have, or of another documentGroup.</summary>
    public const string DocumentNotFound = "DOCUMENT_NOT_FOUND";

    /// <summary>A document with this documentId exists already: update it (a new version) instead.</summary>
    public const string DocumentExists = "DOCUMENT_EXISTS";

    /// <summary>The business keeps <see cref="Documents.BusinessDocument.MaxPerBusiness"/> documents already.</summary>
    public const string DocumentLimitReached = "DOCUMENT_LIMIT_REACHED";

    /// <summary>The Gateway's document-acceptance submission leaves out a document of the step, or names one it does not have.</summary>
    public const string DocumentNotAccepted = "DOCUMENT_NOT_ACCEPTED";

    /// <summary>422: the workflow request names a template (templateId or templateName) the business does not have.</summary>
    public const string TemplateNotFound = "TEMPLATE_NOT_FOUND";

    /// <summary>422: the template named by the workflow request is not ACTIVE (SUSPENDED, ARCHIVED or DELETED).</summary>
    public const string TemplateNotActive = "TEMPLATE_NOT_ACTIVE";

    /// <summary>409: the business already has a template of this name.</summary>
    public const string TemplateNameTaken = "TEMPLATE_NAME_TAKEN";

    /// <summary>409: the template is DELETED: it takes no new version and no other state.</summary>
    public const string TemplateDeleted = "TEMPLATE_DELETED";

    /// <summary>400: a template's input.preDefined holds a parameter of another step (e.g. currency under notification).</summary>
    public const string ParameterOfAnotherStep = "PARAMETER_OF_ANOTHER_STEP";

    /// <summary>400: a workflow request gives a parameter its template already sets (input.preDefined): a template's values are not overridden.</summary>
    public const string TemplateParameterFixed = "TEMPLATE_PARAMETER_FIXED";

    /// <summary>400: a workflow request from a template gives steps: the steps are the template's.</summary>
    public const string TemplateStepsFixed = "TEMPLATE_STEPS_FIXED";

    /// <summary>400: a workflow request gives both templateId and templateName.</summary>
    public const string TemplateReferenceConflict = "TEMPLATE_REFERENCE_CONFLICT";

    /// <summary>400: a batch's header.requestsInBatch differs from the number of payload.batchEntries.</summary>
    public const string BatchEntryCountMismatch = "BATCH_ENTRY_COUNT_MISMATCH";

    /// <summary>409: the batch cannot be cancelled: it is INVALID or FAILED, so nothing of it runs.</summary>
    public const string BatchNotCancellable = "BATCH_NOT_CANCELLABLE";

    /// <summary>400: a search's page goes past the first 10,000 matches, as far as a search reads (ADR 0023).</summary>
    public const string ResultWindowExceeded = "RESULT_WINDOW_EXCEEDED";
}
