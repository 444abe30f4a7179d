using System.Text;
using LinX.Core.Customers;
using LinX.Core.Documents;
using LinX.Core.Workflows;
using C = LinX.Core.Workflows.WorkflowErrorCodes;

namespace LinX.Core.Tests.Workflows;

/// <summary>The inputs.user of enhance-profile and document-acceptance (RocketKOR's contract), and inputs elsewhere.</summary>
public sealed class StepInputRulesTests
{
    private const string Enhance = """{"name":"enhance-profile","inputs":{"user":{"personalInfo":["salutation","dateOfBirth"],"address":["MAILING","SHIPPING"],"phoneNumber":["HOME"]}}}""";
    private const string Documents = """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"E_COMMUNICATION","documentId":"e-communication-consent"},{"documentGroup":"PRIVACY_POLICY","documentId":"privacy-policy"}]}}}""";

    private readonly WorkflowRequestValidator _validator = new();

    [Fact]
    public void Validate_AllEightStepKindsInOrder_TypesTheInputsInRequestOrder()
    {
        var result = _validator.Validate(Request($"""{Step("notification")},{Step("customer-account")},{Enhance},{Step("financial-account")},{Documents},{Step("move-money")}""", Money));

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Path} {e.ErrorCode}")));
        var enhance = result.Plan!.Steps.OfType<EnhanceProfileStep>().Single();
        Assert.Equal([PersonalInfoField.Salutation, PersonalInfoField.DateOfBirth], enhance.PersonalInfo);
        Assert.Equal([AddressType.Mailing, AddressType.Shipping], enhance.Addresses);
        Assert.Equal([PhoneType.Home], enhance.PhoneNumbers);
        var documents = result.Plan.Steps.OfType<DocumentAcceptanceStep>().Single();
        Assert.Equal(
            [new DocumentReference(DocumentGroup.ECommunication, "e-communication-consent"), new DocumentReference(DocumentGroup.PrivacyPolicy, "privacy-policy")],
            documents.Documents);
        Assert.Equal(
            [StepNames.Notification, StepNames.CustomerAccount, StepNames.EnhanceProfile, StepNames.FinancialAccount, StepNames.DocumentAcceptance, StepNames.MoveMoney],
            result.Plan.Steps.Select(s => s.Name));
    }

    [Fact]
    public void Validate_PlanWithInputs_RoundTripsThroughJsonEqual()
    {
        var plan = _validator.Validate(Request($"""{Step("notification")},{Step("customer-account")},{Enhance},{Documents}""")).Plan!;

        var copy = System.Text.Json.JsonSerializer.Deserialize<WorkflowPlan>(System.Text.Json.JsonSerializer.Serialize(plan, WorkflowJson.Options), WorkflowJson.Options);

        Assert.Equal(plan, copy);
    }

    [Fact]
    public void Validate_OnlyAPhoneNumberAsked_IsValid()
    {
        var result = _validator.Validate(Request(Step("notification") + "," + Step("customer-account") + """,{"name":"enhance-profile","inputs":{"user":{"phoneNumber":["WORK"]}}}"""));

        Assert.True(result.IsValid);
        Assert.Equal(new EnhanceProfileStep([], [], [PhoneType.Work]), result.Plan!.Steps[2]);
    }

    public static TheoryData<string, string, string> BrokenInputs() => new()
    {
        { """{"name":"enhance-profile"}""", "$.steps[2].inputs.user", C.InputsRequired },
        { """{"name":"enhance-profile","inputs":{}}""", "$.steps[2].inputs.user", C.InputsRequired },
        { """{"name":"enhance-profile","inputs":[]}""", "$.steps[2].inputs", C.InvalidType },
        { """{"name":"enhance-profile","inputs":{"user":{}}}""", "$.steps[2].inputs.user", C.NothingAsked },
        { """{"name":"enhance-profile","inputs":{"user":{"personalInfo":[],"address":[]}}}""", "$.steps[2].inputs.user", C.NothingAsked },
        { """{"name":"enhance-profile","inputs":{"user":{"personalInfo":["ssn"]}}}""", "$.steps[2].inputs.user.personalInfo[0]", C.InvalidValue },
        { """{"name":"enhance-profile","inputs":{"user":{"personalInfo":"salutation"}}}""", "$.steps[2].inputs.user.personalInfo", C.InvalidType },
        { """{"name":"enhance-profile","inputs":{"user":{"address":["mailing"]}}}""", "$.steps[2].inputs.user.address[0]", C.InvalidValue },
        { """{"name":"enhance-profile","inputs":{"user":{"address":["MAILING","MAILING"]}}}""", "$.steps[2].inputs.user.address[1]", C.DuplicateInput },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":["MOBILE"]}}}""", "$.steps[2].inputs.user.phoneNumber[0]", C.InvalidValue },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":[null]}}}""", "$.steps[2].inputs.user.phoneNumber[0]", C.FieldRequired },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":[7]}}}""", "$.steps[2].inputs.user.phoneNumber[0]", C.InvalidType },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":["HOME"],"email":["x"]}}}""", "$.steps[2].inputs.user.email", C.UnknownField },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":["HOME"]},"preDefined":{}}}""", "$.steps[2].inputs.preDefined", C.UnknownField },
        { """{"name":"enhance-profile","inputs":{"user":{"phoneNumber":["HOME"],"documents":[]}}}""", "$.steps[2].inputs.user.documents", C.InputsNotAllowed },
        { """{"name":"document-acceptance"}""", "$.steps[2].inputs.user", C.InputsRequired },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[]}}}""", "$.steps[2].inputs.user.documents", C.DocumentsRequired },
        { """{"name":"document-acceptance","inputs":{"user":{}}}""", "$.steps[2].inputs.user.documents", C.DocumentsRequired },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"COOKIES","documentId":"privacy"}]}}}""", "$.steps[2].inputs.user.documents[0].documentGroup", C.InvalidValue },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentId":"privacy"}]}}}""", "$.steps[2].inputs.user.documents[0].documentGroup", C.FieldRequired },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"OTHER"}]}}}""", "$.steps[2].inputs.user.documents[0].documentId", C.FieldRequired },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"OTHER","documentId":"Privacy Policy"}]}}}""", "$.steps[2].inputs.user.documents[0].documentId", C.InvalidDocumentId },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"OTHER","documentId":"a","version":2}]}}}""", "$.steps[2].inputs.user.documents[0].version", C.UnknownField },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":["privacy-policy"]}}}""", "$.steps[2].inputs.user.documents[0]", C.InvalidType },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"OTHER","documentId":"a"},{"documentGroup":"OTHER","documentId":"a"}]}}}""", "$.steps[2].inputs.user.documents[1].documentId", C.DuplicateInput },
        { """{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"OTHER","documentId":"a"}],"address":["MAILING"]}}}""", "$.steps[2].inputs.user.address", C.InputsNotAllowed },
        { """{"name":"financial-account","inputs":{"user":{"address":["MAILING"]}}}""", "$.steps[2].inputs", C.InputsNotAllowed },
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void Validate_OneInputBroken_ReportsExactlyItAtItsPath(string step, string expectedPath, string expectedCode)
    {
        var parameters = step.Contains("financial-account", StringComparison.Ordinal) ? "\"financialAccountSubType\":\"DEBIT\"," : string.Empty;
        var result = _validator.Validate(Request($"{Step("notification")},{Step("customer-account")},{step}", parameters));

        var error = Assert.Single(result.Errors);
        Assert.Equal((expectedPath, expectedCode), (error.Path, error.ErrorCode));
        Assert.Null(result.Plan);
    }

    [Fact]
    public void Validate_InputsOnNotification_IsAnError()
    {
        var result = _validator.Validate(Request("""{"name":"notification","inputs":{"user":{}}},""" + Step("customer-account")));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.steps[0].inputs", C.InputsNotAllowed), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Validate_TooManyDocuments_OneError()
    {
        var documents = string.Join(",", Enumerable.Range(0, WorkflowLimits.MaxDocuments + 1).Select(i => $$"""{"documentGroup":"OTHER","documentId":"d{{i}}"}"""));
        var result = _validator.Validate(Request(Step("notification") + "," + Step("customer-account") + """,{"name":"document-acceptance","inputs":{"user":{"documents":[""" + documents + "]}}}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.steps[2].inputs.user.documents", C.TooManyDocuments), (error.Path, error.ErrorCode));
    }

    [Fact]
    public void Validate_BrokenInputsOnBothSteps_ReportsEveryProblemAtOnce()
    {
        var result = _validator.Validate(Request(
            Step("notification") + "," + Step("customer-account") + """,{"name":"enhance-profile","inputs":{"user":{"personalInfo":["age"],"address":["HOME"]}}},{"name":"document-acceptance","inputs":{"user":{"documents":[{"documentGroup":"X","documentId":"UPPER"}]}}}"""));

        Assert.Equal(
            [
                ("$.steps[2].inputs.user.personalInfo[0]", C.InvalidValue),
                ("$.steps[2].inputs.user.address[0]", C.InvalidValue),
                ("$.steps[3].inputs.user.documents[0].documentGroup", C.InvalidValue),
                ("$.steps[3].inputs.user.documents[0].documentId", C.InvalidDocumentId),
            ],
            result.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public void Validate_DocumentAcceptanceBeforeEnhanceProfile_OutOfOrder()
    {
        var result = _validator.Validate(Request($"{Step("notification")},{Step("customer-account")},{Documents},{Enhance}"));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.steps[3].name", C.StepOutOfOrder), (error.Path, error.ErrorCode));
    }

    private const string Money =
        "\"financialAccountSubType\":\"DEBIT\",\"transactionType\":\"SEND\",\"solution\":\"push-to-card\",\"baFinancialAccountId\":\"31c6d624-6a0c-4049-b1f1-f3ea7d00ba35\",\"currency\":\"USD\",\"amount\":256.25,\"priority\":\"IMMEDIATE\",\"paymentReasonId\":\"payment-of-rebates\",";

    private static string Step(string name) => $$"""{"name":"{{name}}"}""";

    private static byte[] Request(string steps, string parameters = "") => Encoding.UTF8.GetBytes(
        $$"""{"title":"Complete your profile","parameters":{{{parameters}}"channel":"SMS","phoneNumber":"+16471234567"},"steps":[{{steps}}]}""");
}
