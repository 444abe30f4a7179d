using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using LinX.Core.Common;
using LinX.Core.Gateway;
using LinX.Core.Management;
using LinX.Core.Payments;
using LinX.Core.Workflows;
using LinX.Infrastructure.Tests.Orchestration;
using LinX.Infrastructure.Tests.Support;
using LinX.Testing;

namespace LinX.Infrastructure.Tests.Security;

/// <summary>
/// Runs workflows with a profile, a card, a bank account, a passcode, a decline and an expiry, then reads every row of
/// every table, every log line and the orchestration history: no card number, account number, link token, passcode or
/// full phone number may appear anywhere, and nothing the customer submitted of themselves (name, e-mail, date of birth,
/// address, the names on card and account, nor the masked display data made of them) in the logs or the history.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PersonalDataScanTests(AzuriteFixture azurite)
{
    /// <summary>The customer's own data, in each form it could be written (the date also as JSON): in the customer's tables only.</summary>
    private static readonly string[] Personal =
    [
        DistinctivePersonalData.FirstName, DistinctivePersonalData.LastName, DistinctivePersonalData.Email, Masking.Email(DistinctivePersonalData.Email),
        DistinctivePersonalData.DateOfBirth, DistinctivePersonalData.DateOfBirthAsText, JsonSerializer.Serialize(DateOnly.Parse(DistinctivePersonalData.DateOfBirth, CultureInfo.InvariantCulture)),
        DistinctivePersonalData.StreetLine, DistinctivePersonalData.City, DistinctivePersonalData.NameOnCard, DistinctivePersonalData.NameOnAccount,
    ];

    [Fact]
    public async Task TablesLogsAndHistory_HoldNoPanAccountNumberTokenOrPhoneNumber()
    {
        await using var host = await TestHost.StartAsync(azurite);
        var forbidden = new List<string> { InlineWorkflowTests.CardNumber, InlineWorkflowTests.AccountNumber, "6471234567", DistinctivePersonalData.BillingPostalCode };
        var history = new List<string>();

        foreach (var plan in new[]
        {
            TestPlans.RebateToNewAccount(FinancialAccountSubType.Debit, PaymentSolution.PushToCard),
            TestPlans.RebateToNewAccount(FinancialAccountSubType.Checking, PaymentSolution.Ach),
            TestPlans.NewCard(),
        })
        {
            var (created, run) = await InlineWorkflowTests.RunToEndAsync(host, plan);
            await InlineWorkflowTests.WaitForStatusAsync(host, created.WorkflowId, WorkflowStatus.Completed);
            if (plan.MoveMoney?.Solution == PaymentSolution.Ach)
            {
                // Only once COMPLETED is stored is the pending timer the settlement (not the last wait's race timer).
                await Poll.UntilAsync(() => Task.FromResult(run.HasPendingTimer), TimeSpan.FromSeconds(15), "the settlement timer");
                run.FireNextTimer();
            }

            Assert.Equal(WorkflowStatus.Completed, (await run.Run.WaitAsync(InlineOrchestration.Deadline)).Status);
            forbidden.Add(TestPlans.TokenOf(created));
            history.AddRange(run.History);
        }

        var passcodeWorkflow = await TestPlans.CreateAsync(host, TestPlans.NewCustomer(passcode: true));
        forbidden.Add(TestPlans.TokenOf(passcodeWorkflow));
        forbidden.Add(passcodeWorkflow.Passcode!);
        var gateway = host.Get<GatewayService>();
        await gateway.VerifyPasscodeAsync(TestPlans.TokenOf(passcodeWorkflow), "999999" == passcodeWorkflow.Passcode ? "888888" : "999999", CancellationToken.None);
        await gateway.VerifyPasscodeAsync(TestPlans.TokenOf(passcodeWorkflow), passcodeWorkflow.Passcode!, CancellationToken.None);
        await gateway.SubmitStepAsync(TestPlans.TokenOf(passcodeWorkflow), StepNames.CustomerAccount,
            TestPlans.Json($$"""{ "cardNumber": "{{InlineWorkflowTests.CardNumber}}" }"""), null, RequestOrigin.Unknown, CancellationToken.None);
        await host.Get<WorkflowService>().CreateAsync(host.DemoBusiness, TestPlans.Json(
            $$"""{ "parameters": { "phoneNumber": "+16471234567", "cardNumber": "{{InlineWorkflowTests.CardNumber}}" } }"""), "scan-key-1", CancellationToken.None);

        var places = new Dictionary<string, string>
        {
            ["tables"] = await DumpTablesAsync(host),
            ["logs"] = string.Join("\n", host.Logs.Lines),
            ["orchestration history"] = string.Join("\n", history),
        };

        Assert.NotEmpty(host.Logs.Lines);
        Assert.Contains("+1647*****67", places["tables"], StringComparison.Ordinal);
        Assert.Contains(DistinctivePersonalData.LastName, places["tables"], StringComparison.Ordinal); // the customer row: the scan reads what was submitted
        foreach (var (place, text) in places)
        {
            foreach (var secret in forbidden)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A secret ({secret.Length} chars) appears in the {place}.");
            }
        }

        foreach (var place in new[] { "logs", "orchestration history" })
        {
            Assert.All(Personal, value => Assert.False(places[place].Contains(value, StringComparison.Ordinal), $"'{value}' appears in the {place}."));
        }
    }

    private static async Task<string> DumpTablesAsync(TestHost host)
    {
        var dump = new StringBuilder();
        foreach (var name in host.Tables.Names.All)
        {
            await foreach (var entity in host.Tables.Service.GetTableClient(name).QueryAsync<TableEntity>())
            {
                dump.Append(name).Append(' ').Append(entity.PartitionKey).Append(' ').Append(entity.RowKey);
                foreach (var (key, value) in entity)
                {
                    dump.Append(' ').Append(key).Append('=').Append(value);
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }
}
