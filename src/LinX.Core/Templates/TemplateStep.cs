using System.Text.Json.Nodes;

namespace LinX.Core.Templates;

/// <summary>
/// One step of a template's <c>definition.steps</c>, as RocketKOR writes it: <c>{ "name": "financial-account", "input": {
/// "user": {...}, "preDefined": { "financialAccountSubType": "DEBIT" } } }</c>. <see cref="User"/> is what the customer
/// is asked for (enhance-profile, document-acceptance); <see cref="PreDefined"/> holds the step's parameters fixed by the
/// template, in the flat form of a workflow request's <c>parameters</c>.
/// </summary>
/// <param name="Name">The step's contract name (<see cref="Workflows.StepNames"/>).</param>
public sealed record TemplateStep(string Name)
{
    /// <summary><c>input.user</c>: the step's customer inputs, as a workflow request's <c>steps[].inputs.user</c>.</summary>
    public JsonObject? User { get; init; }

    /// <summary><c>input.preDefined</c>: parameters of this step the template fixes.</summary>
    public JsonObject? PreDefined { get; init; }
}
