namespace LinX.Core.Workflows;

/// <summary>
/// The stable, machine-readable codes of every problem the workflow contract reports
/// (<see cref="FieldError.ErrorCode"/>). Clients branch on these; never rename one.
/// </summary>
public static class WorkflowErrorCodes
{
    // The body as a whole.

    /// <summary>The body is empty or only whitespace.</summary>
    public const string EmptyBody = "EMPTY_BODY";

    /// <summary>The body is larger than <see cref="WorkflowLimits.MaxBodyBytes"/>.</summary>
    public const string BodyTooLarge = "BODY_TOO_LARGE";

    /// <summary>The body is not UTF-8, or a string holds an unpaired surrogate escape.</summary>
    public const string InvalidEncoding = "INVALID_ENCODING";

    /// <summary>The body is not well-formed JSON (or is nested too deeply).</summary>
    public const string MalformedJson = "MALFORMED_JSON";

    /// <summary>More problems were found than are reported; fix these and post again.</summary>
    public const string TooManyErrors = "TOO_MANY_ERRORS";

    // JSON shape.

    /// <summary>A value has the wrong JSON type (e.g. a number where a string is expected).</summary>
    public const string InvalidType = "INVALID_TYPE";

    /// <summary>An object holds the same key twice.</summary>
    public const string DuplicateKey = "DUPLICATE_KEY";

    /// <summary>A field that the contract does not define (top level or in a step).</summary>
    public const string UnknownField = "UNKNOWN_FIELD";

    /// <summary>A required field is missing or null.</summary>
    public const string FieldRequired = "FIELD_REQUIRED";

    // Values.

    /// <summary>A string is empty or only whitespace.</summary>
    public const string StringEmpty = "STRING_EMPTY";

    /// <summary>A string is longer than its limit (counted in Unicode code points).</summary>
    public const string StringTooLong = "STRING_TOO_LONG";

    /// <summary>A string holds a control or bidirectional-override character.</summary>
    public const string ControlCharacter = "CONTROL_CHARACTER";

    /// <summary>Customer-facing text (introductoryMessage, customerMemo) holds a web address: a link, www., an IP address or a domain name.</summary>
    public const string TextContainsUrl = "TEXT_CONTAINS_URL";

    /// <summary>Customer-facing text (introductoryMessage, customerMemo) holds a phone number: 7 or more digits.</summary>
    public const string TextContainsPhoneNumber = "TEXT_CONTAINS_PHONE_NUMBER";

    /// <summary>Customer-facing text (introductoryMessage, customerMemo) holds an invisible, formatting or bidirectional character (e.g. U+200B).</summary>
    public const string TextContainsInvisibleCharacter = "TEXT_CONTAINS_INVISIBLE_CHARACTER";

    /// <summary>A numeric string is not a plain decimal (no exponent, whitespace, sign '+', hex).</summary>
    public const string InvalidNumber = "INVALID_NUMBER";

    /// <summary>A whole number was expected (days, hours).</summary>
    public const string NotWholeNumber = "NOT_WHOLE_NUMBER";

    /// <summary>A number, or a date and time (a SCHEDULED payment's startDateTime), is outside its allowed range.</summary>
    public const string ValueOutOfRange = "VALUE_OUT_OF_RANGE";

    /// <summary>An amount has more than two decimals.</summary>
    public const string TooManyDecimals = "TOO_MANY_DECIMALS";

    /// <summary>Not an ISO 8601 date and time with its offset (<c>2026-12-24T09:00:00-05:00</c>, <c>...Z</c>).</summary>
    public const string InvalidDateTime = "INVALID_DATE_TIME";

    /// <summary>A value is not one of the allowed values.</summary>
    public const string InvalidValue = "INVALID_VALUE";

    /// <summary>Both <c>expireIn</c> and <c>expireInHours</c> were given.</summary>
    public const string ExpiryConflict = "EXPIRY_CONFLICT";

    // Steps.

    /// <summary>The steps array is longer than <see cref="WorkflowLimits.MaxSteps"/>.</summary>
    public const string TooManySteps = "TOO_MANY_STEPS";

    /// <summary>A step name that the contract does not define.</summary>
    public const string UnknownStep = "UNKNOWN_STEP";

    /// <summary>A step appears twice.</summary>
    public const string DuplicateStep = "DUPLICATE_STEP";

    /// <summary>A step comes after a step that must follow it.</summary>
    public const string StepOutOfOrder = "STEP_OUT_OF_ORDER";

    /// <summary>Two steps that exclude each other (e.g. customer-account and lookup-profile).</summary>
    public const string StepsMutuallyExclusive = "STEPS_MUTUALLY_EXCLUSIVE";

    /// <summary>The notification step is missing.</summary>
    public const string NotificationRequired = "NOTIFICATION_REQUIRED";

    /// <summary>Neither customer-account nor lookup-profile is present.</summary>
    public const string CustomerStepRequired = "CUSTOMER_STEP_REQUIRED";

    /// <summary>move-money without financial-account or lookup-financial-account.</summary>
    public const string FinancialAccountStepRequired = "FINANCIAL_ACCOUNT_STEP_REQUIRED";

    /// <summary>lookup-financial-account for a new customer (customer-account).</summary>
    public const string ExistingCustomerRequired = "EXISTING_CUSTOMER_REQUIRED";

    // Parameters.

    /// <summary>A parameter that no step defines.</summary>
    public const string UnknownParameter = "UNKNOWN_PARAMETER";

    /// <summary>A parameter that no step of this request uses (it would be silently ignored).</summary>
    public const string UnusedParameter = "UNUSED_PARAMETER";

    /// <summary>A parameter the steps use, but not with these values (e.g. memo for ach).</summary>
    public const string ParameterNotAllowed = "PARAMETER_NOT_ALLOWED";

    /// <summary>A parameter that a step of this request requires is missing or null.</summary>
    public const string ParameterRequired = "PARAMETER_REQUIRED";

    /// <summary>The channel is not one LinX supports (SMS).</summary>
    public const string UnsupportedChannel = "UNSUPPORTED_CHANNEL";

    /// <summary>Not a phone number in international form (+ and country code).</summary>
    public const string InvalidPhoneNumber = "INVALID_PHONE_NUMBER";

    /// <summary>A valid phone number of a kind that cannot receive SMS (fixed line, toll free...).</summary>
    public const string PhoneNumberCannotReceiveSms = "PHONE_NUMBER_CANNOT_RECEIVE_SMS";

    /// <summary>Not a UUID in the 8-4-4-4-12 form, or the nil UUID.</summary>
    public const string InvalidUuid = "INVALID_UUID";

    /// <summary>Not an ISO 4217 code (three upper-case letters).</summary>
    public const string InvalidCurrency = "INVALID_CURRENCY";

    /// <summary>A well-formed ISO 4217 code that LinX does not support.</summary>
    public const string UnsupportedCurrency = "UNSUPPORTED_CURRENCY";

    /// <summary>A payment reason that is not in <see cref="PaymentReasonCatalog"/>.</summary>
    public const string UnknownPaymentReason = "UNKNOWN_PAYMENT_REASON";

    /// <summary>A priority that exists but that the chosen solution does not offer.</summary>
    public const string PriorityNotAllowed = "PRIORITY_NOT_ALLOWED";

    /// <summary>A transaction type that the chosen solution does not offer (REQUEST by push-to-card).</summary>
    public const string TransactionTypeNotAllowed = "TRANSACTION_TYPE_NOT_ALLOWED";

    /// <summary>push-to-card with a financial account that is not a debit card.</summary>
    public const string DebitCardRequired = "DEBIT_CARD_REQUIRED";

    /// <summary>ach or wire with a financial account that is not a bank account.</summary>
    public const string BankAccountRequired = "BANK_ACCOUNT_REQUIRED";

    // Step inputs (enhance-profile, document-acceptance).

    /// <summary><c>inputs</c> on a step that takes none, or an input that belongs to the other step (documents on enhance-profile).</summary>
    public const string InputsNotAllowed = "INPUTS_NOT_ALLOWED";

    /// <summary>enhance-profile or document-acceptance without <c>inputs.user</c>.</summary>
    public const string InputsRequired = "INPUTS_REQUIRED";

    /// <summary>enhance-profile asks for nothing: personalInfo, address and phoneNumber are all absent or empty.</summary>
    public const string NothingAsked = "NOTHING_ASKED";

    /// <summary>document-acceptance names no document.</summary>
    public const string DocumentsRequired = "DOCUMENTS_REQUIRED";

    /// <summary>The same value or document is listed twice in a step's inputs.</summary>
    public const string DuplicateInput = "DUPLICATE_INPUT";

    /// <summary>document-acceptance names more than <see cref="WorkflowLimits.MaxDocuments"/> documents.</summary>
    public const string TooManyDocuments = "TOO_MANY_DOCUMENTS";

    /// <summary>A document id that is not 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.</summary>
    public const string InvalidDocumentId = "INVALID_DOCUMENT_ID";
}
