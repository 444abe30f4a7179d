using System.Text.Json;
using LinX.Core.Orchestration;
using LinX.Core.Workflows;

namespace LinX.Core.Tests.Orchestration;

/// <summary>Orchestration inputs and events travel through durable history as JSON: they must round-trip.</summary>
public sealed class OrchestrationJsonTests
{
    public static readonly TheoryData<string> OptionSets = ["default", "web"];

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void LinxOrchestrationInput_RoundTripsWithPolymorphicSteps(string options)
    {
        var input = new LinxOrchestrationInput(Guid.NewGuid(), Guid.NewGuid(), Plans.RebateToExistingCard(), new DateTime(2026, 3, 3, 12, 0, 0, DateTimeKind.Utc), TimeSpan.FromDays(1));

        var json = JsonSerializer.Serialize(input, Options(options));
        var back = JsonSerializer.Deserialize<LinxOrchestrationInput>(json, Options(options))!;

        Assert.Equal(input, back);
        Assert.Contains("\"name\":\"move-money\"", json, StringComparison.Ordinal);
        Assert.Contains("\"push-to-card\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OptionSets))]
    public void WorkflowEvent_RoundTrips(string options)
    {
        var e = WorkflowEvent.SubmitCard(Plans.SealedCard()) with { NewExpireAt = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc) };
        var decline = WorkflowEvent.Decline(DeclineReason.DontKnowBusinessSender, "who?");

        Assert.Equal(e, JsonSerializer.Deserialize<WorkflowEvent>(JsonSerializer.Serialize(e, Options(options)), Options(options)));
        Assert.Equal(decline, JsonSerializer.Deserialize<WorkflowEvent>(JsonSerializer.Serialize(decline, Options(options)), Options(options)));
        Assert.Contains("DONT_KNOW_BUSINESS_SENDER", JsonSerializer.Serialize(decline, Options(options)), StringComparison.Ordinal);
    }

    private static JsonSerializerOptions Options(string name) => name == "web" ? JsonSerializerOptions.Web : JsonSerializerOptions.Default;
}
