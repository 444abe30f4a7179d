using System.Text;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Workflows;

public sealed class WorkflowRequestValidatorTests
{
    private static readonly Guid DemoCustomerId = Guid.Parse("8c8cab63-4e53-4acf-9efa-e7324816aa36");
    private static readonly Guid DemoCustomerAccountId = Guid.Parse("bbbf2fbf-81d4-4f2d-8f80-201bcca921d4");
    private static readonly Guid DemoBusinessAccountId = Guid.Parse("31c6d624-6a0c-4049-b1f1-f3ea7d00ba35");

    private readonly WorkflowRequestValidator _validator = new();

    public static TheoryData<string, WorkflowPlan> SeedExamples() => new()
    {
        {
            RequestCorpus.Seed1,
            new WorkflowPlan("Create a new Customer Account for John Doe", TimeSpan.FromDays(2), false, null,
                [new NotificationStep("SMS", "+16471234567", "Create a new customer account"), new CustomerAccountStep()])
        },
        {
            RequestCorpus.Seed2,
            new WorkflowPlan("Create a new Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
            [
                new NotificationStep("SMS", "+16471234567", "Add a debit card"),
                new LookupProfileStep(DemoCustomerId),
                new FinancialAccountStep(FinancialAccountSubType.Debit),
            ])
        },
        {
            RequestCorpus.Seed3,
            new WorkflowPlan("Send a rebate to a new Financial Account for new Customer John Doe", TimeSpan.FromDays(2), false, null,
            [
                new NotificationStep("SMS", "+16471234567", "You have a rebate"),
                new CustomerAccountStep(),
                new FinancialAccountStep(FinancialAccountSubType.Debit),
                Rebate(),
            ])
        },
        {
            RequestCorpus.Seed4,
            new WorkflowPlan("Send a rebate to an existing Financial Account for John Doe", TimeSpan.FromDays(2), false, null,
            [
                new NotificationStep("SMS", "+16471234567", "You have a rebate"),
                new LookupProfileStep(DemoCustomerId),
                new LookupFinancialAccountStep(DemoCustomerAccountId),
                Rebate(),
            ])
        },
    };

    [Theory]
    [MemberData(nameof(SeedExamples))]
    public void Validate_SeedExample_ReturnsExpectedPlan(string seed, WorkflowPlan expected)
    {
        var result = _validator.Validate(RequestCorpus.Valid(seed));

        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Plan);
    }

    [Fact]
    public void Validate_NoExpiryGiven_DefaultsToNinetyDays()
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "-expireIn"));

        Assert.Equal(TimeSpan.FromDays(90), result.Plan?.ExpireIn);
    }

    [Theory]
    [InlineData("expireIn=365", 365 * 24)]
    [InlineData("expireIn=\"1\"", 24)]
    [InlineData("expireIn=2.0", 48)]
    public void Validate_ExpireInDays_BecomesDuration(string edit, int expectedHours)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, edit));

        Assert.Equal(TimeSpan.FromHours(expectedHours), result.Plan?.ExpireIn);
    }

    [Theory]
    [InlineData("expireInHours=1", 1)]
    [InlineData("expireInHours=\"8760\"", 8760)]
    public void Validate_ExpireInHours_BecomesDuration(string edit, int expectedHours)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "-expireIn", edit));

        Assert.Equal(TimeSpan.FromHours(expectedHours), result.Plan?.ExpireIn);
    }

    [Theory]
    [InlineData("\"+1 (647) 123-4567\"")]
    [InlineData("\"+1-647-123-4567\"")]
    [InlineData("\"+1 647.123.4567\"")]
    public void Validate_FormattedPhoneNumber_PlanHoldsE164(string phoneNumber)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "parameters.phoneNumber=" + phoneNumber));

        Assert.Equal("+16471234567", result.Plan?.Notification.PhoneNumber);
    }

    [Theory]
    [InlineData("-parameters.introductoryMessage")]
    [InlineData("parameters.introductoryMessage=null")]
    public void Validate_NoIntroductoryMessage_PlanKeepsNull(string edit)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, edit));

        Assert.True(result.IsValid);
        Assert.Null(result.Plan!.Notification.IntroductoryMessage);
    }

    [Fact]
    public void Validate_PasscodeAndMultiLineCustomerMemo_AreKept()
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "passcode=true", "customerMemo=\"Line 1\\nLine 2\""));

        Assert.True(result.Plan?.PasscodeRequired);
        Assert.Equal("Line 1\nLine 2", result.Plan?.CustomerMemo);
    }

    [Theory]
    [InlineData("locale=\"fr-CA\"", "fr-CA")]
    [InlineData("locale=\"en\"", "en")]
    [InlineData("locale=null", null)]
    public void Validate_Locale_KeptInPlan(string edit, string? expected)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, edit));

        Assert.True(result.IsValid);
        Assert.Equal(expected, result.Plan!.Locale);
    }

    [Fact]
    public void Validate_UnsupportedLocaleAndBadTitle_ReportsBoth()
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "locale=\"fr-FR\"", "title=\"\""));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == "$.locale" && e.ErrorCode == ServiceErrorCodes.UnsupportedLocale);
        Assert.Contains(result.Errors, e => e.Path == "$.title");
    }

    [Theory]
    [InlineData("\"256.25\"", "256.25")]
    [InlineData("\"0.01\"", "0.01")]
    [InlineData("1000000", "1000000")]
    [InlineData("\"1000000.00\"", "1000000")]
    [InlineData("256.250", "256.25")]
    public void Validate_AmountAsNumberOrString_IsParsed(string amount, string expected)
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed3, "parameters.amount=" + amount));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Plan?.MoveMoney?.Amount);
    }

    [Fact]
    public void Validate_PushToCardWithoutPriority_DefaultsToImmediate()
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed3, "-parameters.priority"));

        Assert.Equal(PaymentPriority.Immediate, result.Plan?.MoveMoney?.Priority);
    }

    [Fact]
    public void Validate_WireToCheckingAccount_ReturnsWirePlan()
    {
        var body = RequestCorpus.Edit(RequestCorpus.Seed3,
            "parameters.solution=\"wire\"", "parameters.financialAccountSubType=\"CHECKING\"", "parameters.priority=\"SAME_DAY\"",
            "parameters.description=\"Rebate Q3\"", "parameters.memo=\"Ref 42\"", "parameters.currency=\"CAD\"",
            "parameters.paymentReasonId=\"refund\"", "parameters.transactionType=\"REQUEST\"");

        var result = _validator.Validate(body);

        Assert.Equal(
            new MoveMoneyStep(TransactionType.Request, PaymentSolution.Wire, DemoBusinessAccountId, "CAD", 256.25m,
                PaymentPriority.SameDay, "Rebate Q3", "Ref 42", "refund"),
            result.Plan?.MoveMoney);
    }

    [Fact]
    public void Validate_AchWithDescription_ReturnsAchPlan()
    {
        var body = RequestCorpus.Edit(RequestCorpus.Seed3,
            "parameters.solution=\"ach\"", "parameters.financialAccountSubType=\"SAVING\"", "parameters.priority=\"NEXT_DAY\"",
            "parameters.description=\"Payroll\"");

        var result = _validator.Validate(body);

        Assert.Equal(
            new MoveMoneyStep(TransactionType.Send, PaymentSolution.Ach, DemoBusinessAccountId, "USD", 256.25m,
                PaymentPriority.NextDay, "Payroll", null, "payment-of-rebates"),
            result.Plan?.MoveMoney);
    }

    [Fact]
    public void Validate_ByteOrderMark_IsIgnored()
    {
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(RequestCorpus.Valid(RequestCorpus.Seed1)).ToArray();

        var result = _validator.Validate(body);

        Assert.True(result.IsValid);
    }

    [Fact]
    public void Validate_TitleOfHundredEmoji_CountsCodePoints()
    {
        var title = string.Concat(Enumerable.Repeat("\U0001F600", WorkflowLimits.MaxTitleLength));

        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "title=\"" + title + "\""));

        Assert.Equal(title, result.Plan?.Title);
    }

    [Fact]
    public void Validate_FiveMistakes_ListsAllFiveWithPaths()
    {
        (string, string)[] expected =
        [
            ("$.expireIn", WorkflowErrorCodes.ValueOutOfRange),
            ("$.parameters.channel", WorkflowErrorCodes.UnsupportedChannel),
            ("$.priority", WorkflowErrorCodes.UnknownField),
            ("$.steps[3].name", WorkflowErrorCodes.DuplicateStep),
            ("$.title", WorkflowErrorCodes.StringEmpty),
        ];

        var result = _validator.Validate(RequestCorpus.Invalid("five-mistakes"));

        Assert.Null(result.Plan);
        Assert.Equal(expected, result.Errors.Select(e => (e.Path, e.ErrorCode)).Order().ToArray());
    }

    [Fact]
    public void Validate_Request_MatchesValidateOfItsBytes()
    {
        var request = System.Text.Json.JsonSerializer.Deserialize<WorkflowRequest>(RequestCorpus.Valid(RequestCorpus.Seed4), WorkflowJson.Options)!;

        var fromRequest = _validator.Validate(request);
        var fromBytes = _validator.Validate(RequestCorpus.Valid(RequestCorpus.Seed4));

        Assert.Equal(fromBytes.Plan, fromRequest.Plan);
    }

    [Fact]
    public void Validate_Messages_NeverEchoThePhoneNumber()
    {
        var result = _validator.Validate(RequestCorpus.Edit(RequestCorpus.Seed1, "parameters.phoneNumber=\"+1555012\""));

        var error = Assert.Single(result.Errors);
        Assert.DoesNotContain("555012", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PhishingIntroductoryMessageAndCustomerMemo_ListsEveryProblemOfBothFields()
    {
        // Arrange
        (string, string)[] expected =
        [
            ("$.customerMemo", WorkflowErrorCodes.TextContainsInvisibleCharacter),
            ("$.customerMemo", WorkflowErrorCodes.TextContainsPhoneNumber),
            ("$.parameters.introductoryMessage", WorkflowErrorCodes.TextContainsInvisibleCharacter),
            ("$.parameters.introductoryMessage", WorkflowErrorCodes.TextContainsUrl),
        ];
        var body = RequestCorpus.Edit(RequestCorpus.Seed1,
            "parameters.introductoryMessage=\"\\u200EOpen https://evil.example/linx/abc\"", "customerMemo=\"Support:\\u00AD +1 647 123 4567\"");

        // Act
        var result = _validator.Validate(body);

        // Assert
        Assert.Null(result.Plan);
        Assert.Equal(expected, result.Errors.Select(e => (e.Path, e.ErrorCode)).Order().ToArray());
        Assert.All(result.Errors, e => Assert.DoesNotContain("evil", e.Message, StringComparison.Ordinal));
        Assert.All(result.Errors, e => Assert.DoesNotContain("4567", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UnknownKeyWithOddCharacters_PathIsEscapedAndTruncated()
    {
        var key = "bad'key\\" + new string('k', 100);
        var body = Encoding.UTF8.GetBytes("{\"title\":\"t\",\"steps\":[{\"name\":\"notification\"},{\"name\":\"customer-account\"}]," +
            "\"parameters\":{\"channel\":\"SMS\",\"phoneNumber\":\"+16471234567\"},\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal) + "\":1}");

        var result = _validator.Validate(body);

        var error = Assert.Single(result.Errors);
        Assert.Equal(WorkflowErrorCodes.UnknownField, error.ErrorCode);
        Assert.StartsWith("$['bad\\'key\\\\kkk", error.Path, StringComparison.Ordinal);
        Assert.EndsWith("...']", error.Path, StringComparison.Ordinal);
    }

    private static MoveMoneyStep Rebate() => new(
        TransactionType.Send, PaymentSolution.PushToCard, DemoBusinessAccountId, "USD", 256.25m,
        PaymentPriority.Immediate, null, null, "payment-of-rebates");
}
