using System.Net;
using LinX.Bench.Harness;

namespace LinX.Reliability.Tests;

/// <summary>The same request many times at once has exactly one effect.</summary>
[Collection(ReliabilityHostTests.Name)]
public sealed class ConcurrencyTests(ReliabilityHostFixture fixture)
{
    private const int Copies = 20;

    public static TheoryData<int, string, string, string> Submissions => new()
    {
        // seed, step posted 20 times at once, table of its record, property naming the workflow
        { 1, "customer-account", "Customers", "SourceWorkflowId" },
        { 3, "customer-account", "Customers", "SourceWorkflowId" },
    };

    [Theory]
    [MemberData(nameof(Submissions))]
    public async Task SubmitStep_SameSubmissionPostedConcurrently_CreatesOneRecord(int seed, string step, string table, string property)
    {
        // Arrange
        var created = await fixture.CreateActiveAsync(seed);

        // Act: 20 identical submissions at once.
        var codes = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ =>
            fixture.Host.Api.SubmitAsync(created.Token!, step, CustomerDriver.BodyOf(step))));

        // Assert: every answer is 202 or 409 (never 5xx); the step completed once, with one record.
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"answered {(int)c}"));
        Assert.Contains(HttpStatusCode.Accepted, codes);
        var next = Seeds.StepsOf(seed).Count > 1 ? Seeds.StepsOf(seed)[1] : null;
        if (next is null)
        {
            await fixture.WaitForStatusAsync(created.WorkflowId!, "COMPLETED");
        }
        else
        {
            await fixture.WaitForStepAsync(created.Token!, next);
        }

        var counts = await fixture.Scan.CountByWorkflowAsync(table, property);
        Assert.Equal(1, counts.GetValueOrDefault(created.WorkflowId!));
    }

    [Fact]
    public async Task SubmitMoveMoney_AcceptPostedConcurrently_CreatesOneTransaction()
    {
        // Arrange: seed 4 (existing customer and card), confirmed up to move-money.
        var created = await fixture.CreateActiveAsync(4);
        foreach (var step in new[] { "lookup-profile", "lookup-financial-account" })
        {
            await fixture.WaitForStepAsync(created.Token!, step);
            Assert.Equal(HttpStatusCode.Accepted, await fixture.Host.Api.SubmitAsync(created.Token!, step, CustomerDriver.BodyOf(step)));
        }

        await fixture.WaitForStepAsync(created.Token!, "move-money");

        // Act
        var codes = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ =>
            fixture.Host.Api.SubmitAsync(created.Token!, "move-money", CustomerDriver.BodyOf("move-money"))));

        // Assert
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.Accepted or HttpStatusCode.Conflict, $"answered {(int)c}"));
        await fixture.WaitForStatusAsync(created.WorkflowId!, "COMPLETED");
        var transactions = await fixture.Scan.CountByWorkflowAsync("Transactions", "WorkflowId");
        Assert.Equal(1, transactions.GetValueOrDefault(created.WorkflowId!));
    }

    [Fact]
    public async Task CreateWorkflow_SameIdempotencyKeyConcurrently_CreatesOneWorkflowAndOneSms()
    {
        // Arrange: a body no other test uses, so that its rows can be counted.
        var title = "Idempotent " + Guid.NewGuid().ToString("N")[..12];
        var body = System.Text.Json.Nodes.JsonNode.Parse(Seeds.Json(1))!;
        body["title"] = title;
        var json = body.ToJsonString();
        var key = "idem-" + Guid.NewGuid().ToString("N");

        // Act
        var results = await Task.WhenAll(Enumerable.Range(0, Copies).Select(_ => fixture.Host.Api.CreateAsync(json, key)));

        // Assert: all 202 with the same workflow; one workflow row with that title; one SMS in its history.
        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.Status));
        var workflowId = Assert.Single(results.Select(r => r.WorkflowId).Distinct());
        await fixture.WaitForStepAsync(results[0].Token!, "customer-account");
        var titles = await fixture.Scan.CountByWorkflowAsync("Workflows", "Title");
        Assert.Equal(1, titles.GetValueOrDefault(title));
        var history = await fixture.Host.Api.NotificationsAsync(workflowId!);
        Assert.Single(history.EnumerateArray());
    }
}
