using System.Net;
using LinX.Bench.Harness;
using LinX.Infrastructure.Sms;
using LinX.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LinX.Reliability.Tests;

/// <summary>
/// The generated bad-input corpus (at least 2,000 requests) against create and the Gateway endpoints: every answer
/// is a 4xx (never a 5xx, never accepted), and storage is byte-for-byte unchanged (no row added, changed or deleted).
/// </summary>
public sealed class BadInputTests(ReliabilityHostFixture fixture, ITestOutputHelper output) : IClassFixture<ReliabilityHostFixture>
{
    [Fact]
    public async Task Corpus_CreateAndGatewayEndpoints_AllRejectedWithoutWriting()
    {
        // Arrange: a workflow whose customer is on the customer-account step, and storage at rest.
        var target = await fixture.CreateActiveAsync(1);
        var corpus = BadInputCorpus.Creates().Concat(BadInputCorpus.Gateway()).ToList();
        var inbox = fixture.Host.Services.GetRequiredService<DevSmsInbox>();
        var before = await QuietSnapshotAsync();
        var smsBefore = inbox.Messages.Count;

        // Act
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        await Parallel.ForEachAsync(corpus, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (request, ct) =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, request.Path.Replace("{token}", target.Token, StringComparison.Ordinal))
            {
                Content = new ByteArrayContent(request.Body),
            };
            message.Content.Headers.ContentType = new("application/json");
            if (request.IdempotencyKey is not null)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", request.IdempotencyKey);
            }

            var client = request.Path.StartsWith("/api/linx", StringComparison.Ordinal) ? fixture.Host.Api.Business : fixture.Host.Api.Customer;
            using var response = await client.SendAsync(message, ct);
            var status = (int)response.StatusCode;
            lock (failures)
            {
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                // 429 would mean the request never reached validation: the host runs without rate limits.
                if (status is < 400 or >= 500 or 429)
                {
                    failures.Add($"{request.Name}: {status}");
                }
            }
        });

        // Assert
        var after = await fixture.Scan.SnapshotAsync();
        output.WriteLine($"{corpus.Count} requests; answers: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.True(corpus.Count >= 2000, $"the corpus has {corpus.Count} requests");
        failures.Sort(StringComparer.Ordinal);
        failures.ForEach(output.WriteLine);
        Assert.Empty(failures);
        Assert.Empty(after.Except(before));
        Assert.Empty(before.Except(after));
        Assert.Equal(smsBefore, inbox.Messages.Count);
    }

    /// <summary>A snapshot once two in a row agree (the target workflow's last episode may still be committing).</summary>
    private async Task<IReadOnlySet<string>> QuietSnapshotAsync()
    {
        IReadOnlySet<string>? last = null;
        return await Poll.UntilAsync<IReadOnlySet<string>>(
            async () =>
            {
                var previous = last;
                last = await fixture.Scan.SnapshotAsync();
                return previous is not null && previous.SetEquals(last) ? last : null;
            },
            _ => true,
            TimeSpan.FromSeconds(30),
            "storage to be at rest");
    }
}
