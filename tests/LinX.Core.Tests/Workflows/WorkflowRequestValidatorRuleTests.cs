using LinX.Core.Workflows;
using C = LinX.Core.Workflows.WorkflowErrorCodes;

namespace LinX.Core.Tests.Workflows;

/// <summary>Every rule of the contract, broken once on an otherwise valid seed example: exactly one error, at the right path.</summary>
public sealed class WorkflowRequestValidatorRuleTests
{
    private const string S1 = RequestCorpus.Seed1;
    private const string S2 = RequestCorpus.Seed2;
    private const string S3 = RequestCorpus.Seed3;
    private const string S4 = RequestCorpus.Seed4;
    private const string Ach = "parameters.solution=\"ach\"|parameters.financialAccountSubType=\"CHECKING\"|parameters.priority=\"SAME_DAY\"";
    private const string Wire = "parameters.solution=\"wire\"|parameters.financialAccountSubType=\"CHECKING\"|parameters.priority=\"SAME_DAY\"|parameters.description=\"Rebate\"";

    private readonly WorkflowRequestValidator _validator = new();

    public static TheoryData<string, string, string, string> BrokenRules() => new()
    {
        // Top level.
        { S1, "-title", "$.title", C.FieldRequired },
        { S1, "title=null", "$.title", C.FieldRequired },
        { S1, "title=\"\"", "$.title", C.StringEmpty },
        { S1, "title=\"   \"", "$.title", C.StringEmpty },
        { S1, "title=\"a\\tb\"", "$.title", C.ControlCharacter },
        { S1, $"title=\"{new string('t', 101)}\"", "$.title", C.StringTooLong },
        { S1, "title=\"Hi\\u0007\"", "$.title", C.ControlCharacter },
        { S1, "title=\"Hi\\u202Eyou\"", "$.title", C.ControlCharacter },
        { S1, "title=42", "$.title", C.InvalidType },
        { S1, "expireIn=\"1e2\"", "$.expireIn", C.InvalidNumber },
        { S1, "expireIn=\" 2\"", "$.expireIn", C.InvalidNumber },
        { S1, "expireIn=2.5", "$.expireIn", C.NotWholeNumber },
        { S1, "expireIn=0", "$.expireIn", C.ValueOutOfRange },
        { S1, "expireIn=\"366\"", "$.expireIn", C.ValueOutOfRange },
        { S1, "expireIn=false", "$.expireIn", C.InvalidType },
        { S1, "-expireIn|expireInHours=8761", "$.expireInHours", C.ValueOutOfRange },
        { S1, "-expireIn|expireInHours=0", "$.expireInHours", C.ValueOutOfRange },
        { S1, "expireInHours=5", "$.expireInHours", C.ExpiryConflict },
        { S1, "passcode=\"true\"", "$.passcode", C.InvalidType },
        { S1, $"customerMemo=\"{new string('c', 501)}\"", "$.customerMemo", C.StringTooLong },
        { S1, "customerMemo=\"a\\u0000b\"", "$.customerMemo", C.ControlCharacter },
        { S1, "callbackUrl=\"https://example.com\"", "$.callbackUrl", C.UnknownField },
        { S1, "parameters=[]", "$.parameters", C.InvalidType },

        // Steps.
        { S1, "steps=\"notification\"", "$.steps", C.InvalidType },
        { S1, "-steps", "$.steps", C.FieldRequired },
        { S1, "steps[1]=\"customer-account\"", "$.steps[1]", C.InvalidType },
        { S1, "steps[0].order=1", "$.steps[0].order", C.UnknownField },
        { S1, "steps[1].name=null", "$.steps[1].name", C.FieldRequired },
        { S1, "steps[1].name=\"email\"", "$.steps[1].name", C.UnknownStep },
        { S1, "steps=[{\"name\":\"notification\"},{\"name\":\"customer-account\"},{\"name\":\"customer-account\"}]", "$.steps[2].name", C.DuplicateStep },
        { S1, "steps=[{\"name\":\"customer-account\"},{\"name\":\"notification\"}]", "$.steps[1].name", C.StepOutOfOrder },
        { S3, "steps=[{\"name\":\"notification\"},{\"name\":\"customer-account\"},{\"name\":\"move-money\"},{\"name\":\"financial-account\"}]", "$.steps[3].name", C.StepOutOfOrder },
        { S1, "parameters.customerId=\"8c8cab63-4e53-4acf-9efa-e7324816aa36\"|steps=[{\"name\":\"notification\"},{\"name\":\"customer-account\"},{\"name\":\"lookup-profile\"}]", "$.steps[2].name", C.StepsMutuallyExclusive },
        { S4, "parameters.financialAccountSubType=\"DEBIT\"|steps=[{\"name\":\"notification\"},{\"name\":\"lookup-profile\"},{\"name\":\"lookup-financial-account\"},{\"name\":\"financial-account\"},{\"name\":\"move-money\"}]", "$.steps[3].name", C.StepsMutuallyExclusive },
        { S1, "parameters={}|steps=[{\"name\":\"customer-account\"}]", "$.steps", C.NotificationRequired },
        { S1, "steps=[{\"name\":\"notification\"}]", "$.steps", C.CustomerStepRequired },
        { S3, "-parameters.financialAccountSubType|steps=[{\"name\":\"notification\"},{\"name\":\"customer-account\"},{\"name\":\"move-money\"}]", "$.steps", C.FinancialAccountStepRequired },
        { S1, "parameters.customerFinancialAccountId=\"bbbf2fbf-81d4-4f2d-8f80-201bcca921d4\"|steps=[{\"name\":\"notification\"},{\"name\":\"customer-account\"},{\"name\":\"lookup-financial-account\"}]", "$.steps[2].name", C.ExistingCustomerRequired },
        { S1, "steps=" + TooManySteps(), "$.steps", C.TooManySteps },

        // Parameters against the steps.
        { S1, "parameters.cardNumber=\"4111111111111111\"", "$.parameters.cardNumber", C.UnknownParameter },
        { S1, "parameters.customerId=\"8c8cab63-4e53-4acf-9efa-e7324816aa36\"", "$.parameters.customerId", C.UnusedParameter },
        { S2, "parameters.amount=10", "$.parameters.amount", C.UnusedParameter },
        { S1, "-parameters.channel", "$.parameters.channel", C.ParameterRequired },
        { S1, "parameters.phoneNumber=null", "$.parameters.phoneNumber", C.ParameterRequired },
        { S2, "-parameters.customerId", "$.parameters.customerId", C.ParameterRequired },
        { S2, "-parameters.financialAccountSubType", "$.parameters.financialAccountSubType", C.ParameterRequired },
        { S4, "-parameters.customerFinancialAccountId", "$.parameters.customerFinancialAccountId", C.ParameterRequired },
        { S3, "-parameters.paymentReasonId", "$.parameters.paymentReasonId", C.ParameterRequired },
        { S3, Ach + "|-parameters.priority", "$.parameters.priority", C.ParameterRequired },
        { S3, Wire + "|-parameters.description", "$.parameters.description", C.ParameterRequired },
        { S3, Ach + "|parameters.memo=\"Ref\"", "$.parameters.memo", C.ParameterNotAllowed },

        // Values.
        { S1, "parameters.channel=\"EMAIL\"", "$.parameters.channel", C.UnsupportedChannel },
        { S1, "parameters.phoneNumber=\"6471234567\"", "$.parameters.phoneNumber", C.InvalidPhoneNumber },
        { S1, "parameters.phoneNumber=\"+1800FLOWERS\"", "$.parameters.phoneNumber", C.InvalidPhoneNumber },
        { S1, "parameters.phoneNumber=16471234567", "$.parameters.phoneNumber", C.InvalidType },
        { S1, "parameters.phoneNumber=\"+442079460000\"", "$.parameters.phoneNumber", C.PhoneNumberCannotReceiveSms },
        { S1, $"parameters.introductoryMessage=\"{new string('m', 161)}\"", "$.parameters.introductoryMessage", C.StringTooLong },
        { S1, "parameters.introductoryMessage=\"a\\nb\"", "$.parameters.introductoryMessage", C.ControlCharacter },
        { S1, "parameters.introductoryMessage=\"Open https://evil.example/linx/x\"", "$.parameters.introductoryMessage", C.TextContainsUrl },
        { S1, "parameters.introductoryMessage=\"Pay at bit.ly/x\"", "$.parameters.introductoryMessage", C.TextContainsUrl },
        { S1, "parameters.introductoryMessage=\"Questions? Call 647 123 4567\"", "$.parameters.introductoryMessage", C.TextContainsPhoneNumber },
        { S1, "parameters.introductoryMessage=\"You have a\\u200B rebate\"", "$.parameters.introductoryMessage", C.TextContainsInvisibleCharacter },
        { S1, "parameters.introductoryMessage=\"You have a rebate\\uDB40\\uDC41\"", "$.parameters.introductoryMessage", C.TextContainsInvisibleCharacter },
        { S1, "parameters.introductoryMessage=\"a\\u202Eb\"", "$.parameters.introductoryMessage", C.ControlCharacter },
        { S1, "customerMemo=\"Pay at paypal.com\"", "$.customerMemo", C.TextContainsUrl },
        { S1, "customerMemo=\"Line 1\\nCall +1 (647) 123-4567\"", "$.customerMemo", C.TextContainsPhoneNumber },
        { S1, "customerMemo=\"\\u3164\"", "$.customerMemo", C.TextContainsInvisibleCharacter },
        { S1, "customerMemo=\"a\\u2028b\"", "$.customerMemo", C.ControlCharacter },
        { S2, "parameters.customerId=\"customer-42\"", "$.parameters.customerId", C.InvalidUuid },
        { S4, "parameters.customerFinancialAccountId=\"00000000-0000-0000-0000-000000000000\"", "$.parameters.customerFinancialAccountId", C.InvalidUuid },
        { S3, "parameters.baFinancialAccountId=\"31c6d6246a0c4049b1f1f3ea7d00ba35\"", "$.parameters.baFinancialAccountId", C.InvalidUuid },
        { S2, "parameters.financialAccountSubType=\"PREPAID\"", "$.parameters.financialAccountSubType", C.InvalidValue },
        { S3, "parameters.transactionType=\"send\"", "$.parameters.transactionType", C.InvalidValue },
        { S3, "parameters.solution=\"zelle\"", "$.parameters.solution", C.InvalidValue },
        { S3, "parameters.priority=\"FAST\"", "$.parameters.priority", C.InvalidValue },
        { S3, "parameters.currency=\"usd\"", "$.parameters.currency", C.InvalidCurrency },
        { S3, "parameters.currency=\"EUR\"", "$.parameters.currency", C.UnsupportedCurrency },
        { S3, "parameters.amount=0", "$.parameters.amount", C.ValueOutOfRange },
        { S3, "parameters.amount=\"1000000.01\"", "$.parameters.amount", C.ValueOutOfRange },
        { S3, "parameters.amount=1e400", "$.parameters.amount", C.ValueOutOfRange },
        { S3, "parameters.amount=1.001", "$.parameters.amount", C.TooManyDecimals },
        { S3, "parameters.amount=\"0x10\"", "$.parameters.amount", C.InvalidNumber },
        { S3, "parameters.amount=true", "$.parameters.amount", C.InvalidType },
        { S3, "parameters.paymentReasonId=\"gift\"", "$.parameters.paymentReasonId", C.UnknownPaymentReason },
        { S3, "parameters.priority=\"SAME_DAY\"", "$.parameters.priority", C.PriorityNotAllowed },
        { S3, Ach + "|parameters.priority=\"IMMEDIATE\"", "$.parameters.priority", C.PriorityNotAllowed },
        { S3, Wire + $"|parameters.description=\"{new string('d', 141)}\"", "$.parameters.description", C.StringTooLong },
        { S3, Wire + $"|parameters.memo=\"{new string('m', 141)}\"", "$.parameters.memo", C.StringTooLong },

        // Across steps.
        { S3, "parameters.transactionType=\"REQUEST\"", "$.parameters.transactionType", C.TransactionTypeNotAllowed },
        { S3, "parameters.financialAccountSubType=\"CREDIT\"", "$.parameters.financialAccountSubType", C.DebitCardRequired },
        { S3, "parameters.financialAccountSubType=\"SAVING\"", "$.parameters.financialAccountSubType", C.DebitCardRequired },
        { S3, Ach + "|parameters.financialAccountSubType=\"DEBIT\"", "$.parameters.financialAccountSubType", C.BankAccountRequired },
        { S3, Wire + "|parameters.financialAccountSubType=\"CREDIT\"", "$.parameters.financialAccountSubType", C.BankAccountRequired },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void Validate_OneRuleBroken_ReportsItAtItsPath(string seed, string edits, string expectedPath, string expectedCode)
    {
        var body = RequestCorpus.Edit(seed, edits.Split('|'));

        var result = _validator.Validate(body);

        Assert.Null(result.Plan);
        var error = Assert.Single(result.Errors);
        Assert.Equal((expectedPath, expectedCode), (error.Path, error.ErrorCode));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static string TooManySteps() =>
        "[" + string.Join(",", Enumerable.Repeat("{\"name\":\"notification\"}", WorkflowLimits.MaxSteps + 1)) + "]";
}
