using LinX.Core;
using LinX.Core.Consent;
using LinX.Core.Gateway;
using LinX.Core.Orchestration;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Services;

/// <summary>Card verification at the Gateway and the retry of a declined payment (ADR 0016), on real storage.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class GatewayRecoveryTests(AzuriteFixture azurite)
{
    private const string GoodCard = """{ "cardNumber": "4242 4242 4242 4242", "expiry": "2031-03", "nameOnCard": "Jane Roe", "cvc": "123", "postalCode": "12345", "accept": true }""";

    [Theory]
    [InlineData("000", "12345", "$.cvc", ServiceErrorCodes.CvcMismatch)]
    [InlineData("123", "00000", "$.postalCode", ServiceErrorCodes.BillingPostalCodeMismatch)]
    [InlineData("123", "x0x 0x0", "$.postalCode", ServiceErrorCodes.BillingPostalCodeMismatch)]
    public async Task SubmitStepAsync_VerificationMismatch_IsInvalidOnTheFieldAndRaisesNothing(string cvc, string postalCode, string path, string code)
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.NewCard());
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 2);

        var result = await host.Get<GatewayService>().SubmitStepAsync(
            TestPlans.TokenOf(created), StepNames.FinancialAccount,
            TestPlans.Json($$"""{ "cardNumber": "4242 4242 4242 4242", "expiry": "2031-03", "nameOnCard": "Jane Roe", "cvc": "{{cvc}}", "postalCode": "{{postalCode}}" }"""),
            null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal([(path, code)], result.Errors.Select(e => (e.Path, e.ErrorCode)));
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task RetryAsync_PaymentNotDeclined_IsConflictRetryNotAvailable()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard));
        await WorkflowStates.SetAsync(host, created.WorkflowId, WorkflowStatus.Active, 3);

        var result = await host.Get<GatewayService>().RetryAsync(TestPlans.TokenOf(created), TestPlans.Json(GoodCard), null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal((ServiceOutcome.Conflict, ServiceErrorCodes.RetryNotAvailable), (result.Outcome, Assert.Single(result.Errors).ErrorCode));
        Assert.Empty(host.Orchestrations.Raised);
    }

    [Fact]
    public async Task RetryAsync_InRecovery_RaisesTheSealedCardForAttempt2AndRecordsTheAcceptance()
    {
        // Arrange
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard));
        await DeclineFirstAttemptAsync(host, created.WorkflowId);
        var gateway = host.Get<GatewayService>();
        var origin = RequestOrigin.Of("203.0.113.7", "RecoveryTest/1.0");

        // Act
        var view = (await gateway.GetViewAsync(TestPlans.TokenOf(created), null, CancellationToken.None)).Value!;
        var stepAgain = await gateway.SubmitStepAsync(TestPlans.TokenOf(created), StepNames.MoveMoney, TestPlans.Json("""{ "accept": true }"""), null, origin, CancellationToken.None);
        var result = await gateway.RetryAsync(TestPlans.TokenOf(created), TestPlans.Json(GoodCard), null, origin, CancellationToken.None);

        // Assert
        Assert.Equal(new PaymentRecovery(1, 3, PaymentDeclineCodes.CardDeclined, "card", FinancialAccountSubType.Debit), view.Current!.Recovery);
        Assert.Equal(ServiceOutcome.Conflict, stepAgain.Outcome);
        Assert.Equal(ServiceOutcome.Accepted, result.Outcome);
        var e = (WorkflowEvent)Assert.Single(host.Orchestrations.Raised).Payload!;
        Assert.Equal((WorkflowEventKind.Submit, StepNames.MoveMoney, 2), (e.Kind, e.StepName, e.Attempt));
        Assert.Equal("4242", host.Get<CustomerSubmissions>().Open(created.WorkflowId, e.SealedCard!).Last4);
        var evidence = await host.Get<IConsentStore>().ListAsync(DemoData.BusinessId, created.WorkflowId, CancellationToken.None);
        var retry = Assert.Single(evidence, c => c.StepName == GatewayService.RetryEvidenceName(2));
        Assert.Equal(("203.0.113.7", "RecoveryTest/1.0"), (retry.IpAddress, retry.UserAgent));
    }

    [Fact]
    public async Task RetryAsync_WithoutAcceptOrWithBadCard_IsInvalidWithEveryFieldError()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var created = await TestPlans.CreateAsync(host, TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard));
        await DeclineFirstAttemptAsync(host, created.WorkflowId);

        var body = TestPlans.Json("""{ "cardNumber": "4242", "expiry": "2031-03", "nameOnCard": "Jane Roe", "postalCode": "12345" }""");

        var result = await host.Get<GatewayService>().RetryAsync(TestPlans.TokenOf(created), body, null, RequestOrigin.Unknown, CancellationToken.None);

        Assert.Equal(ServiceOutcome.Invalid, result.Outcome);
        Assert.Equal(["$.accept", "$.cardNumber", "$.cvc"], result.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.Empty(host.Orchestrations.Raised);
    }

    /// <summary>The workflow waits on move-money after its first attempt was declined by the card's issuer.</summary>
    private static async Task DeclineFirstAttemptAsync(TestHost host, Guid workflowId)
    {
        await WorkflowStates.SetAsync(host, workflowId, WorkflowStatus.Active, 3);
        var store = host.Get<IWorkflowStore>();
        var workflow = (await store.GetAsync(DemoData.BusinessId, workflowId, CancellationToken.None))!;
        var declined = new PaymentAttempt(1, Guid.NewGuid(), Guid.NewGuid(), TransactionStatus.Declined, PaymentDeclineCodes.CardDeclined, "The card issuer declined the payment.", DateTimeOffset.UtcNow);
        await store.ApplyAsync(
            new WorkflowStatusUpdate(
                DemoData.BusinessId, workflowId, 2, WorkflowStatus.Active, 3, workflow.Steps, workflow.ExpireAt, null, null, null, null, null, null, null, null,
                PaymentAttempts: [declined]),
            CancellationToken.None);
    }
}
