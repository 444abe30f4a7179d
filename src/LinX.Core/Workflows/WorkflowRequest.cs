using System.Text.Json.Serialization;

namespace LinX.Core.Workflows;

/// <summary>
/// The workflow request exactly as the business posts it (the seed's JSON, camelCase). Everything is
/// optional at this level so that a request can be represented before it is validated; use
/// <see cref="WorkflowRequestValidator"/> to turn one into a <see cref="WorkflowPlan"/>. Serialize it
/// with <see cref="WorkflowJson.Options"/>.
/// </summary>
public sealed record WorkflowRequest
{
    /// <summary>1–100 characters.</summary>
    public string? Title { get; init; }

    /// <summary>Days until the request expires (1–365); a number or a numeric string such as <c>"2"</c>.</summary>
    [JsonConverter(typeof(NumberOrStringInt32Converter))]
    public int? ExpireIn { get; init; }

    /// <summary>Hours until the request expires (1–8760); exclusive with <see cref="ExpireIn"/>.</summary>
    [JsonConverter(typeof(NumberOrStringInt32Converter))]
    public int? ExpireInHours { get; init; }

    /// <summary>The flat parameters of every step.</summary>
    public WorkflowRequestParameters? Parameters { get; init; }

    /// <summary>The steps, in order.</summary>
    public IReadOnlyList<WorkflowRequestStep>? Steps { get; init; }

    /// <summary>Whether the customer must enter a passcode before opening the link.</summary>
    public bool? Passcode { get; init; }

    /// <summary>Optional memo shown to the customer, up to 500 characters.</summary>
    public string? CustomerMemo { get; init; }

    /// <summary>The language of the SMS and the page: <c>en</c> or <c>fr-CA</c>; the business's default locale when absent.</summary>
    public string? Locale { get; init; }
}

/// <summary>One entry of <see cref="WorkflowRequest.Steps"/>: <c>{ "name": "notification" }</c>.</summary>
public sealed record WorkflowRequestStep(string? Name)
{
    /// <summary>What the customer is asked for, on enhance-profile and document-acceptance only: <c>{ "user": { ... } }</c>.</summary>
    public WorkflowStepInputs? Inputs { get; init; }
}
