using System.Text.Json;
using Grpc.Core;
using LinX.Core;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;
using Microsoft.DurableTask.Client;

namespace LinX.Infrastructure.Tests.Services;

[Collection(AzuriteGroup.Name)]
public sealed class GatewayServiceTests(AzuriteFixture azurite)
{
    private const string ValidProfile = """
        { "firstName": "Jane", "lastName": "Roe", "email": "jane.roe@example.com", "dateOfBirth": "1990-02-03",
          "address": { "streetLine1": "1 Main St", "city": "Toronto", "stateCode": "ON", "postalCode": "M5V 2T6", "countryCode": "CA" } }
        """;

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("../../etc/passwd#?AAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task GetViewAsync_UnknownOrMalformedToken_IsNotFound(string token)
    {
        await using var host = await TestHost.StartAsync(azurite);

        var result = await host.Get<GatewayService>().GetViewAsync(token, null, CancellationToken.None);

        Assert.Equal(ServiceOutcome.NotFound, result.Outcome);
    }

    [Fact]
    public async Task GetViewAsync_LookupStep_ShowsBusinessStepsAndCurrentNeeds()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToExistingCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 3);

        var view = (await host.Get<GatewayService>().GetViewAsync(TestPlans.TokenOf(created), null, CancellationToken.None)).Value!;

        Assert.Equal((DemoData.BusinessName, "You have a rebate", WorkflowStatus.Active, 3), (view.BusinessName, view.IntroductoryMessage, view.Status, view.CurrentStep));
        Assert.Equal(["Notification", "Confirm your profile", "Confirm your account", "Accept the transaction"], view.Steps.Select(s => s.DisplayName));
        var summary = view.Current!.Transaction!;
        Assert.Equal((256.25m, "USD", TransactionType.Send, PaymentSolution.PushToCard, "payment-of-rebates"),
            (summary.Amount, summary.Currency, summary.Direction, summary.Solution, summary.PaymentReasonId));
    }

    [Fact]
    public async Task SubmitStepAsync_InvalidProfile_ReturnsEveryFieldErrorAndRaisesNothing()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        const string body = """
            { "lastName": "Roe", "email": "nope", "dateOfBirth": "2015-01-01",
              "address": { "streetLine1": "1 Main St", "city": "Austin", "stateCode": "TX", "postalCode": "ABC", "countryCode": "US" } }
            """;

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.CustomerAccount, TestPlans.Json(body), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(["$.firstName", "$.email", "$.dateOfBirth", "$.address.postalCode"], result.Errors.Select(e => e.Path));
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task SubmitStepAsync_ValidProfile_RaisesSubmission()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.CustomerAccount, TestPlans.Json(ValidProfile), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Accepted, result.Outcome);
        var e = (WorkflowEvent)Assert.Single(host.Orchestrations.Raised).Payload!;
        var profile = host.Get<CustomerSubmissions>().Open(created.WorkflowId, e.SealedProfile!);
        Assert.Equal((WorkflowEventKind.Submit, StepNames.CustomerAccount, null, "M5V 2T6"), (e.Kind, e.StepName, e.Profile, profile.Address.PostalCode));
    }

    [Fact]
    public async Task SubmitStepAsync_BadCard_ReportsLuhnExpiryCvcAndPostalCode()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 2);

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.FinancialAccount,
            TestPlans.Json("""{ "cardNumber": "4242 4242 4242 4241", "expiry": "2026-02", "nameOnCard": "Jane Roe", "cvc": "12", "postalCode": "1!" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(
            [
                ("$.cardNumber", ServiceErrorCodes.CardNumberInvalid), ("$.expiry", ServiceErrorCodes.CardExpired), ("$.cvc", ServiceErrorCodes.CvcInvalid),
                ("$.postalCode", ServiceErrorCodes.BillingPostalCodeInvalid),
            ],
            result.Errors.Select(e => (e.Path, e.ErrorCode)));
    }

    [Fact]
    public async Task SubmitStepAsync_ValidCard_RaisesTokenizedCardWithoutNumber()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 2);

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.FinancialAccount,
            TestPlans.Json("""{ "cardNumber": "5555 5555 5555 4444", "expiry": "2026-03", "nameOnCard": "Jane Roe", "cvc": "123", "postalCode": "m5v 2t6" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Accepted, result.Outcome);
        var e = (WorkflowEvent)Assert.Single(host.Orchestrations.Raised).Payload!;
        var card = host.Get<CustomerSubmissions>().Open(created.WorkflowId, e.SealedCard!);
        Assert.Equal(("MASTERCARD", "4444", 2026, 3), (card.Brand, card.Last4, card.ExpiryYear, card.ExpiryMonth));
        Assert.StartsWith("tok_", card.ProcessorToken, StringComparison.Ordinal);
        Assert.DoesNotContain("5555555555554444", JsonSerializer.Serialize(e), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitStepAsync_BankForCheckingStep_ValidatesAbaRoutingNumber()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToNewAccount(FinancialAccountSubType.Checking, PaymentSolution.Ach));
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 2);
        var gateway = host.Get<GatewayService>();
        var token = TestPlans.TokenOf(created);

        var bad = await gateway.SubmitStepAsync(token, StepNames.FinancialAccount,
            TestPlans.Json("""{ "routingNumber": "011000016", "accountNumber": "12", "accountNumberConfirm": "13", "nameOnAccount": "Jane" }"""), null, RequestOrigin.Unknown, CancellationToken.None);
        var good = await gateway.SubmitStepAsync(token, StepNames.FinancialAccount,
            TestPlans.Json("""{ "routingNumber": "011000015", "accountNumber": "000123456789", "accountNumberConfirm": "000123456789", "nameOnAccount": "Jane" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(["$.routingNumber", "$.accountNumber", "$.accountNumberConfirm"], bad.Errors.Select(e => e.Path));
        Assert.Equal(ServiceErrorCodes.AccountNumberConfirmMismatch, bad.Errors[^1].ErrorCode);
        Assert.Equal(ServiceOutcome.Accepted, good.Outcome);
        var e = (WorkflowEvent)Assert.Single(host.Orchestrations.Raised).Payload!;
        var bank = host.Get<CustomerSubmissions>().Open(created.WorkflowId, e.SealedBankAccount!);
        Assert.Equal(("011000015", "6789"), (bank.RoutingNumber, bank.Last4));
    }

    [Fact]
    public async Task SubmitStepAsync_NotCurrentStep_IsConflict()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToExistingCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.MoveMoney, TestPlans.Json("""{ "accept": true }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Conflict, result.Outcome);
        Assert.Equal(ServiceErrorCodes.StepNotCurrent, Assert.Single(result.Errors).ErrorCode);
    }

    [Fact]
    public async Task SubmitStepAsync_AfterExpiry_IsConflictAndViewSaysExpired()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        host.Time.Advance(TimeSpan.FromDays(2));
        var gateway = host.Get<GatewayService>();

        var beforeTimer = await gateway.SubmitStepAsync(TestPlans.TokenOf(created), StepNames.LookupProfile, TestPlans.Json("""{"confirm":true}"""), null, RequestOrigin.Unknown, CancellationToken.None);
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Expired, 1, version: 2);
        var afterTimer = await gateway.SubmitStepAsync(TestPlans.TokenOf(created), StepNames.LookupProfile, TestPlans.Json("""{"confirm":true}"""), null, RequestOrigin.Unknown, CancellationToken.None);
        var view = (await gateway.GetViewAsync(TestPlans.TokenOf(created), null, CancellationToken.None)).Value!;

        Assert.Equal((ServiceOutcome.Conflict, ServiceOutcome.Conflict), (beforeTimer.Outcome, afterTimer.Outcome));
        Assert.Equal(ServiceErrorCodes.WorkflowNotActive, beforeTimer.Errors[0].ErrorCode);
        Assert.Equal(WorkflowStatus.Expired, view.Status);
        Assert.Null(view.Current);
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task SubmitAndDecline_OrchestrationEndedBeforeTheRow_AreConflictNotExceptions()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        host.Orchestrations.SetStatus(created.WorkflowId.ToString("D"), OrchestrationRuntimeStatus.Completed);
        var gateway = host.Get<GatewayService>();

        var submitted = await gateway.SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.CustomerAccount, TestPlans.Json(ValidProfile), null, RequestOrigin.Unknown, CancellationToken.None);
        var declined = await gateway.DeclineAsync(
            TestPlans.TokenOf(created), TestPlans.Json("""{ "reason": "NOT_INTERESTED", "comment": "no thanks" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal((ServiceOutcome.Conflict, ServiceErrorCodes.WorkflowNotActive), (submitted.Outcome, Assert.Single(submitted.Errors).ErrorCode));
        Assert.Equal((ServiceOutcome.Conflict, ServiceErrorCodes.WorkflowNotActive), (declined.Outcome, Assert.Single(declined.Errors).ErrorCode));
        Assert.Equal([StatusCode.FailedPrecondition, StatusCode.FailedPrecondition], host.Orchestrations.Refused.Select(r => r.Code));
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task Passcode_ProofUnlocksAndFiveWrongTriesLock()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(passcode: true));
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        var gateway = host.Get<GatewayService>();
        var token = TestPlans.TokenOf(created);
        var wrong = created.Passcode == "000000" ? "111111" : "000000";

        var withoutProof = await gateway.SubmitStepAsync(token, StepNames.CustomerAccount, TestPlans.Json(ValidProfile), null, RequestOrigin.Unknown, CancellationToken.None);
        var lockedView = (await gateway.GetViewAsync(token, null, CancellationToken.None)).Value!;
        var proof = (await gateway.VerifyPasscodeAsync(token, created.Passcode!, CancellationToken.None)).Value!;
        var withProof = await gateway.SubmitStepAsync(token, StepNames.CustomerAccount, TestPlans.Json(ValidProfile), proof, RequestOrigin.Unknown, CancellationToken.None);
        var outcomes = new List<ServiceOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add((await gateway.VerifyPasscodeAsync(token, wrong, CancellationToken.None)).Outcome);
        }

        var rightAfterLock = await gateway.VerifyPasscodeAsync(token, created.Passcode!, CancellationToken.None);
        var submitAfterLock = await gateway.SubmitStepAsync(token, StepNames.CustomerAccount, TestPlans.Json(ValidProfile), proof, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Forbidden, withoutProof.Outcome);
        Assert.True(lockedView.PasscodeRequired);
        Assert.All(lockedView.Steps, s => Assert.Null(s.Data));
        Assert.Equal(ServiceOutcome.Accepted, withProof.Outcome);
        Assert.Equal([ServiceOutcome.Invalid, ServiceOutcome.Invalid, ServiceOutcome.Invalid, ServiceOutcome.Invalid, ServiceOutcome.Locked], outcomes);
        Assert.Equal(ServiceOutcome.Locked, rightAfterLock.Outcome);
        Assert.Equal(ServiceOutcome.Locked, submitAfterLock.Outcome);
    }

    [Fact]
    public async Task DeclineAsync_ValidatesReasonAndRaisesDecline()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCustomer());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 1);
        var gateway = host.Get<GatewayService>();

        var bad = await gateway.DeclineAsync(TestPlans.TokenOf(created), TestPlans.Json("""{ "reason": "BORED", "comment": 5 }"""), null, RequestOrigin.Unknown, CancellationToken.None);
        var malformed = await gateway.DeclineAsync(TestPlans.TokenOf(created), TestPlans.Json("{ nope"), null, RequestOrigin.Unknown, CancellationToken.None);
        var good = await gateway.DeclineAsync(TestPlans.TokenOf(created), TestPlans.Json("""{ "reason": "NOT_INTERESTED", "comment": "no thanks" }"""), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(["$.reason", "$.comment"], bad.Errors.Select(e => e.Path));
        Assert.Equal(WorkflowErrorCodes.MalformedJson, Assert.Single(malformed.Errors).ErrorCode);
        Assert.Equal(ServiceOutcome.Accepted, good.Outcome);
        var e = (WorkflowEvent)Assert.Single(host.Orchestrations.Raised).Payload!;
        Assert.Equal((WorkflowEventKind.Decline, DeclineReason.NotInterested, "no thanks"), (e.Kind, e.DeclineReason!.Value, e.Comment));
    }
}
