using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LinX.Local.Tests.Workflows;

/// <summary>
/// RocketKOR's settlement priorities over real HTTP and Azurite (ADR 0024): a SCHEDULED ach payout is stored with its
/// start time, read back with it, shown to the customer and carried by its transaction; STANDARD and a wrong start are
/// 400s listing every problem, and nothing is stored or texted.
/// </summary>
[Collection(LocalHostTests.Name)]
public sealed class ScheduledPaymentTests(LocalHostFixture host)
{
    private static readonly object NewBankAccount = new
    {
        routingNumber = "011000015", accountNumber = "000123456789", accountNumberConfirm = "000123456789", nameOnAccount = "Jane Roe",
    };

    private readonly CustomerScript _customer = new(host);

    [Fact]
    public async Task ScheduledAch_CreatedAndAccepted_ReadBackWithItsStartEverywhere()
    {
        // Arrange: a payout for 09:00 in New York, 30 days from now.
        var startDay = DateTime.UtcNow.Date.AddDays(30);
        var start = new DateTimeOffset(startDay.Year, startDay.Month, startDay.Day, 9, 0, 0, TimeSpan.FromHours(-5));
        var startText = start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

        // Act
        var (response, created) = await CustomerScript.PostWorkflowAsync(host.Business, ScheduledAch(startText), $"scheduled-{Guid.NewGuid():N}");
        var id = created.GetProperty("workflowId").GetString()!;
        var stored = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/workflows/{id}");
        var token = await _customer.TokenFromSmsAsync("+16471234567", host.LinkOf(created));
        await _customer.SubmitAsync(token, "customer-account", CustomerScript.NewProfile);
        await _customer.SubmitAsync(token, "financial-account", NewBankAccount);
        var shown = (await _customer.WaitForStepAsync(token, "move-money")).GetProperty("current").GetProperty("transaction");
        await _customer.SubmitAsync(token, "move-money", new { accept = true });
        var completed = await CustomerScript.WaitForStatusAsync(host.Business, id, "COMPLETED");
        var transaction = await host.Business.GetFromJsonAsync<JsonElement>($"/api/linx/transactions/{completed.GetProperty("transactionId").GetString()}");

        // Assert: the workflow, the Gateway and the transaction all say SCHEDULED and when, with the business's offset.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var payment = stored.GetProperty("payment");
        Assert.Equal(("SCHEDULED", startText, "ach"),
            (payment.GetProperty("priority").GetString(), payment.GetProperty("startDateTime").GetString(), payment.GetProperty("solution").GetString()));
        Assert.Equal(("SCHEDULED", start), (shown.GetProperty("priority").GetString(), shown.GetProperty("startDateTime").GetDateTimeOffset()));
        Assert.Equal(("SCHEDULED", startText, "PENDING"),
            (transaction.GetProperty("priority").GetString(), transaction.GetProperty("startDateTime").GetString(), transaction.GetProperty("status").GetString()));
        Assert.Equal(start.AddDays(1), transaction.GetProperty("settleAt").GetDateTimeOffset());
        var moneyData = completed.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stepName").GetString() == "move-money").GetProperty("data");
        Assert.Equal(("SCHEDULED", startText), (moneyData.GetProperty("priority").GetString(), moneyData.GetProperty("startDateTime").GetString()));
    }

    [Fact]
    public async Task Standard_Refused_NamingTheAllowedValuesAndStoringNothing()
    {
        // Arrange
        var body = JsonNode.Parse(ScheduledAch(null))!.AsObject();
        body["parameters"]!["priority"] = "STANDARD";
        var smsBefore = await host.SmsCountAsync();

        // Act
        var (response, problem) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), $"standard-{Guid.NewGuid():N}");

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal(("$.parameters.priority", "PRIORITY_NOT_ALLOWED"), (error.GetProperty("path").GetString(), error.GetProperty("errorCode").GetString()));
        Assert.Contains("ach allows SAME_DAY, NEXT_DAY, SCHEDULED", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(smsBefore, await host.SmsCountAsync());
    }

    [Fact]
    public async Task ScheduledWithPastStartAndMemo_400ListsEveryProblem()
    {
        // Arrange: a start that has passed and a memo, which ach does not take.
        var body = JsonNode.Parse(ScheduledAch("2020-01-01T09:00:00-05:00"))!.AsObject();
        body["parameters"]!["memo"] = "Ref 42";
        var key = $"past-{Guid.NewGuid():N}";

        // Act
        var (response, problem) = await CustomerScript.PostWorkflowAsync(host.Business, body.ToJsonString(), key);
        var fixedStart = DateTimeOffset.UtcNow.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var (retry, _) = await CustomerScript.PostWorkflowAsync(host.Business, ScheduledAch(fixedStart), key);

        // Assert: both problems at once; the key stored nothing, so the same key with the body fixed is a new request, not a 409.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            [("$.parameters.memo", "PARAMETER_NOT_ALLOWED"), ("$.parameters.startDateTime", "VALUE_OUT_OF_RANGE")],
            problem.GetProperty("errors").EnumerateArray()
                .Select(e => (e.GetProperty("path").GetString(), e.GetProperty("errorCode").GetString())).OrderBy(e => e.Item1, StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
    }

    /// <summary>Seed 3 as an ach payout to a new checking account, SCHEDULED at <paramref name="start"/> (left out when null).</summary>
    private static string ScheduledAch(string? start)
    {
        var body = JsonNode.Parse(CustomerScript.Seed(3))!.AsObject();
        var parameters = body["parameters"]!.AsObject();
        parameters["financialAccountSubType"] = "CHECKING";
        parameters["solution"] = "ach";
        parameters["priority"] = "SCHEDULED";
        if (start is not null)
        {
            parameters["startDateTime"] = start;
        }

        return body.ToJsonString();
    }
}
