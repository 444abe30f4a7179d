using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LinX.Core.Templates;
using LinX.Infrastructure;
using LinX.Infrastructure.Demo;
using LinX.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Bench.Harness;

/// <summary>
/// A batch for the demo business of a host: its template ("notification then customer-account", stored straight in the
/// host's tables), a body of N entries with chosen positions invalid (a phone number too short), and the batch API.
/// </summary>
public static class BatchRun
{
    /// <summary>The field error an invalid entry of <see cref="Body"/> is rejected with.</summary>
    public const string InvalidPath = "$.parameters.phoneNumber";

    /// <summary>Stores the template for the demo business in the host's tables; returns its id.</summary>
    public static async Task<Guid> SeedTemplateAsync(HostSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Values).Build();
        await using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLinXTableStorage().BuildServiceProvider();
        await services.GetRequiredService<TableStorage>().CreateTablesAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var template = new TemplateVersion
        {
            TemplateId = Guid.NewGuid(),
            TemplateVersionId = Guid.NewGuid(),
            Version = 1,
            BusinessId = DemoData.BusinessId,
            Name = "bench-open-account-" + Guid.NewGuid().ToString("N")[..8],
            DisplayName = "Open an account",
            Steps = [new TemplateStep("notification") { PreDefined = new JsonObject { ["channel"] = "SMS" } }, new TemplateStep("customer-account")],
            State = TemplateState.Active,
            CreatedAt = now,
            VersionCreatedAt = now,
        };
        var written = await services.GetRequiredService<ITemplateStore>().CreateAsync(template, cancellationToken);
        return written == TemplateWriteOutcome.Written ? template.TemplateId : throw new InvalidOperationException("The template was not stored: " + written);
    }

    /// <summary>A batch of <paramref name="count"/> entries, each texting its own number; <paramref name="invalid"/> positions have a bad one.</summary>
    public static string Body(Guid templateId, int count, string idempotencyKey, IReadOnlySet<int> invalid)
    {
        ArgumentNullException.ThrowIfNull(invalid);
        var entries = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var phone = invalid.Contains(i) ? "+1416" : "+1416" + (5_550_000 + i).ToString(CultureInfo.InvariantCulture);
            entries.Add(new JsonObject { ["title"] = $"Open account {i}", ["expiryInHours"] = 48, ["parameters"] = new JsonObject { ["phoneNumber"] = phone } });
        }

        return new JsonObject
        {
            ["header"] = new JsonObject
            {
                ["useTemplate"] = new JsonObject { ["templateId"] = templateId.ToString() },
                ["requestsInBatch"] = count,
                ["idempotencyKey"] = idempotencyKey,
            },
            ["payload"] = new JsonObject { ["batchEntries"] = entries },
        }.ToJsonString();
    }

    /// <summary>Posts a batch; its id, or throws when the answer is not 202.</summary>
    public static async Task<string> PostAsync(LinxHttp api, string body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        using var response = await api.Business.PostAsync(new Uri("/api/linx/workflow-batches", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return response.StatusCode == HttpStatusCode.Accepted
            ? answer.GetProperty("batchId").GetString()!
            : throw new InvalidOperationException($"The batch was refused: {(int)response.StatusCode} {answer}");
    }

    /// <summary>The batch's detail (status and counts).</summary>
    public static async Task<JsonElement> GetAsync(LinxHttp api, string batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        return await api.Business.GetFromJsonAsync<JsonElement>(new Uri($"/api/linx/workflow-batches/{batchId}", UriKind.Relative), cancellationToken);
    }

    /// <summary>Every entry of one status, page by page.</summary>
    public static async Task<IReadOnlyList<JsonElement>> EntriesAsync(LinxHttp api, string batchId, string status, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var entries = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var answer = await api.Business.GetFromJsonAsync<JsonElement>(
                new Uri($"/api/linx/workflow-batches/{batchId}/entries?status={status}&size=100&page={page}", UriKind.Relative), cancellationToken);
            entries.AddRange(answer.GetProperty("items").EnumerateArray());
            if (entries.Count >= answer.GetProperty("totalCount").GetInt32() || answer.GetProperty("items").GetArrayLength() == 0)
            {
                return entries;
            }
        }
    }

    /// <summary>Workflows the batch started so far (active, completed and every other status).</summary>
    public static int Started(JsonElement batch) =>
        batch.GetProperty("totalRequestsCount").GetInt32() - batch.GetProperty("pendingRequestsCount").GetInt32() - batch.GetProperty("rejectedRequestsCount").GetInt32();
}
