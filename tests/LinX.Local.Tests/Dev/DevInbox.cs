using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LinX.Testing;

namespace LinX.Local.Tests.Dev;

/// <summary>The dev SMS inbox as a test reads it: <c>/dev/sms.json</c>, by workflow.</summary>
internal static class DevInbox
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    /// <summary>The messages of one workflow, newest first.</summary>
    public static async Task<IReadOnlyList<JsonElement>> OfAsync(HttpClient client, string workflowId) =>
        [.. (await client.GetFromJsonAsync<JsonElement[]>("/dev/sms.json") ?? []).Where(m => m.GetProperty("workflowId").GetString() == workflowId)];

    /// <summary>Posts seed example 1 as <paramref name="business"/> and waits for its first SMS (its customer-account step then waits); returns its id.</summary>
    public static async Task<string> CreateWorkflowAsync(LocalHostFixture host, HttpClient business)
    {
        var (response, created) = await CustomerScript.PostWorkflowAsync(business, CustomerScript.Seed(1));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var workflowId = created.GetProperty("workflowId").GetString()!;
        await WaitForAsync(host.Anonymous, workflowId, 1);
        return workflowId;
    }

    /// <summary>Waits until the workflow has <paramref name="count"/> messages; returns them, newest first.</summary>
    public static Task<IReadOnlyList<JsonElement>> WaitForAsync(HttpClient client, string workflowId, int count) =>
        Poll.UntilAsync(async () => await OfAsync(client, workflowId), messages => messages.Count >= count, Deadline, $"{count} SMS of workflow {workflowId}");
}
