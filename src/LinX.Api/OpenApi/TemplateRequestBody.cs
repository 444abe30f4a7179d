using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using LinX.Core.Templates;

namespace LinX.Api.OpenApi;

/// <summary>The body of create and update of a template (RocketKOR's Create a LinX Template).</summary>
/// <remarks>For the OpenAPI document only: <see cref="TemplateRequestReader.Read"/> reads the body, reporting every problem.</remarks>
/// <param name="DisplayName">Short readable name.</param>
/// <param name="Definition">The workflow's steps and their parameters.</param>
public sealed record TemplateRequestBody([property: MaxLength(TemplateRequestReader.MaxNameLength)] string DisplayName, TemplateDefinitionBody Definition)
{
    /// <summary>Unique per business, fixed at creation (e.g. create-customer-and-enhance-profile); generated from displayName when absent. An update may only repeat it.</summary>
    [MaxLength(TemplateRequestReader.MaxNameLength)]
    public string? Name { get; init; }

    /// <summary>What the template is for.</summary>
    [MaxLength(TemplateRequestReader.MaxDescriptionLength)]
    public string? Description { get; init; }

    /// <summary>The memo shown to the customer; a workflow's customerMemo overrides it.</summary>
    public string? CustomerMemo { get; init; }

    /// <summary>Days until a workflow from the template expires (1 to 365); a workflow's expireInHours overrides it.</summary>
    [Range(1, 365)]
    public int? DefaultExpiryDays { get; init; }
}

/// <summary>A template's <c>definition</c>.</summary>
/// <param name="Steps">The steps, in the contract's order (notification first).</param>
public sealed record TemplateDefinitionBody(IReadOnlyList<TemplateStepBody> Steps);

/// <summary>A step of a template's definition.</summary>
/// <param name="Name">The step's contract name: notification, customer-account, lookup-profile, financial-account, lookup-financial-account, move-money.</param>
public sealed record TemplateStepBody(string Name)
{
    /// <summary>The step's customer inputs (user) and the parameters the template fixes (preDefined, as a workflow request's flat parameters).</summary>
    public TemplateStepInputView? Input { get; init; }
}
