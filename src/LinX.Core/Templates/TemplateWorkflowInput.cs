using System.Text.Json.Nodes;

namespace LinX.Core.Templates;

/// <summary>
/// What a workflow request (or a batch entry) adds to a template: its title, the memo and expiry that override the
/// template's, and the parameters the template leaves to the request (RocketKOR's "request body" parameters such as
/// phoneNumber and amount, and any "template or request body" one the template does not fix).
/// </summary>
public sealed record TemplateWorkflowInput
{
    public string? Title { get; init; }

    /// <summary>Overrides the template's <see cref="TemplateVersion.CustomerMemo"/>.</summary>
    public string? CustomerMemo { get; init; }

    /// <summary>Overrides the template's <see cref="TemplateVersion.DefaultExpiryDays"/>.</summary>
    public JsonNode? ExpireInHours { get; init; }

    /// <summary>The flat parameters, as a workflow request's <c>parameters</c>.</summary>
    public JsonObject? Parameters { get; init; }

    /// <summary>LinX's own <c>passcode</c>, as in a direct request.</summary>
    public JsonNode? Passcode { get; init; }

    /// <summary>LinX's own <c>locale</c>, as in a direct request.</summary>
    public JsonNode? Locale { get; init; }

    /// <summary>
    /// Where the input's values are in the caller's body: <c>$</c> for a workflow request, e.g.
    /// <c>$.payload.batchEntries[7]</c> for a batch entry. Errors on the input's values are reported under it.
    /// </summary>
    public string Root { get; init; } = "$";
}
