using System.Text;
using LinX.Core.Businesses;
using LinX.Core.Common;
using LinX.Core.Workflows;
using Microsoft.Extensions.Logging;

namespace LinX.Core.Templates;

/// <summary>
/// The business side of templates (ADR 0021). Every read and write is tenant-checked: another business's template is
/// <see cref="ServiceOutcome.NotFound"/> (and, named by a workflow request, <see cref="ServiceErrorCodes.TemplateNotFound"/>).
/// </summary>
public sealed class TemplateService(ITemplateStore templates, TimeProvider time, ILogger<TemplateService> logger)
{
    /// <summary>Where a workflow request names its template by id.</summary>
    public const string TemplateIdPath = "$.templateId";

    /// <summary>Where a workflow request names its template by name.</summary>
    public const string TemplateNamePath = "$.templateName";

    /// <summary>The largest template body: its version is stored whole in one row (ADR 0021).</summary>
    public const int MaxBodyBytes = 48 * 1024;

    private const int MaxWriteAttempts = 5;

    private static readonly FieldError NotFoundError = new("$", "No such template.", ServiceErrorCodes.NotFound);

    /// <summary>Creates a template's first version, ACTIVE; its name generated from the display name when absent.</summary>
    public async Task<ServiceResult<TemplateDetails>> CreateAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        var (draft, invalid) = Read(body);
        if (invalid is not null)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var templateId = Guid.NewGuid();
            var first = new TemplateVersion
            {
                TemplateId = templateId,
                TemplateVersionId = Guid.NewGuid(),
                Version = 1,
                BusinessId = business.BusinessId,
                Name = draft.Name ?? GeneratedName(draft.DisplayName!, templateId),
                DisplayName = draft.DisplayName!,
                Description = draft.Description,
                CustomerMemo = draft.CustomerMemo,
                DefaultExpiryDays = draft.DefaultExpiryDays,
                Steps = draft.Steps!,
                State = TemplateState.Active,
                CreatedAt = now,
                VersionCreatedAt = now,
            };
            if (await templates.CreateAsync(first, cancellationToken) == TemplateWriteOutcome.Written)
            {
                logger.TemplateCreated(templateId, business.BusinessId, first.Steps.Count);
                return ServiceResult.Ok(TemplateDetails.From(first, TemplateStats.None));
            }

            if (draft.Name is not null)
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Conflict, new FieldError(
                    "$.name", "The business already has a template of this name.", ServiceErrorCodes.TemplateNameTaken));
            }
        }

        throw new InvalidOperationException("No free template name was found.");
    }

    /// <summary>
    /// A new version of the template (the same id, the next version number); the earlier versions stay readable and
    /// workflows created from them keep running on them. The name cannot change; a DELETED template takes no version.
    /// </summary>
    public async Task<ServiceResult<TemplateDetails>> UpdateAsync(
        Business business, Guid templateId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            if (await templates.GetLatestAsync(business.BusinessId, templateId, cancellationToken) is not { } latest)
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.NotFound, NotFoundError);
            }

            if (latest.State == TemplateState.Deleted)
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Conflict, DeletedError);
            }

            var (draft, invalid) = Read(body);
            if (invalid is not null)
            {
                return invalid;
            }

            if (draft.Name is { } name && !string.Equals(name, latest.Name, StringComparison.OrdinalIgnoreCase))
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Invalid, new FieldError(
                    "$.name", "A template's name cannot change; leave it out or give the current one.", WorkflowErrorCodes.InvalidValue));
            }

            var next = latest with
            {
                TemplateVersionId = Guid.NewGuid(),
                Version = latest.Version + 1,
                DisplayName = draft.DisplayName!,
                Description = draft.Description,
                CustomerMemo = draft.CustomerMemo,
                DefaultExpiryDays = draft.DefaultExpiryDays,
                Steps = draft.Steps!,
                VersionCreatedAt = time.GetUtcNow(),
            };
            var outcome = await templates.AddVersionAsync(next, cancellationToken);
            if (outcome == TemplateWriteOutcome.Written)
            {
                logger.TemplateVersionAdded(templateId, business.BusinessId, next.Version, next.TemplateVersionId);
                return ServiceResult.Ok(TemplateDetails.From(next, await StatsAsync(next, cancellationToken)));
            }

            if (outcome == TemplateWriteOutcome.NotFound)
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.NotFound, NotFoundError);
            }
        }

        throw new InvalidOperationException("The template kept changing; the version was not added.");
    }

    /// <summary>The latest version, with its usage.</summary>
    public async Task<ServiceResult<TemplateDetails>> GetAsync(Business business, Guid templateId, CancellationToken cancellationToken) =>
        await DetailsAsync(await templates.GetLatestAsync(Tenant(business), templateId, cancellationToken), cancellationToken);

    /// <summary>One version, with its usage.</summary>
    public async Task<ServiceResult<TemplateDetails>> GetVersionAsync(
        Business business, Guid templateId, Guid templateVersionId, CancellationToken cancellationToken) =>
        await DetailsAsync(await templates.GetVersionAsync(Tenant(business), templateId, templateVersionId, cancellationToken), cancellationToken);

    /// <summary>Every version, newest first, each with its own usage.</summary>
    public async Task<ServiceResult<IReadOnlyList<TemplateSummary>>> ListVersionsAsync(Business business, Guid templateId, CancellationToken cancellationToken)
    {
        var versions = await templates.ListVersionsAsync(Tenant(business), templateId, cancellationToken);
        return versions.Count == 0
            ? ServiceResult.Fail<IReadOnlyList<TemplateSummary>>(ServiceOutcome.NotFound, NotFoundError)
            : ServiceResult.Ok<IReadOnlyList<TemplateSummary>>(await SummariesAsync(versions, cancellationToken));
    }

    /// <summary>The templates (latest versions) by text in id, name or display name and by state; DELETED only when asked for.</summary>
    public async Task<ServiceResult<TemplatePage>> SearchAsync(
        Business business, string? search, TemplateState? state, TemplateSort sort, int page, int size, CancellationToken cancellationToken)
    {
        var found = await templates.SearchAsync(Tenant(business), search, state, sort, page, size, cancellationToken);
        var shown = SearchPage.Of(await SummariesAsync(found.Items, cancellationToken), page, size, found.TotalCount, totalExact: true);
        return ServiceResult.Ok(new TemplatePage(shown.TotalElements, shown.TotalPages, shown.Number, shown.NumberOfElements, shown.HasNext, shown.Content));
    }

    /// <summary>
    /// Makes the template ACTIVE, SUSPENDED, ARCHIVED or DELETED (<see cref="TemplateStateExtensions.CanBecome"/>); only
    /// an ACTIVE one creates workflows, and workflows already running are not touched.
    /// </summary>
    public async Task<ServiceResult<TemplateDetails>> SetStateAsync(
        Business business, Guid templateId, TemplateState state, CancellationToken cancellationToken)
    {
        if (await templates.GetLatestAsync(Tenant(business), templateId, cancellationToken) is not { } latest)
        {
            return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.NotFound, NotFoundError);
        }

        if (!latest.State.CanBecome(state))
        {
            return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Conflict, DeletedError);
        }

        if (latest.State != state)
        {
            if (await templates.SetStateAsync(business.BusinessId, templateId, state, cancellationToken) == TemplateWriteOutcome.NotFound)
            {
                return ServiceResult.Fail<TemplateDetails>(ServiceOutcome.NotFound, NotFoundError);
            }

            logger.TemplateStateChanged(templateId, business.BusinessId, state.ToContractString());
        }

        return await DetailsAsync(latest with { State = state }, cancellationToken);
    }

    /// <summary>
    /// The plan of a workflow request that names a template (<see cref="TemplateWorkflowRequest"/>): its shape (400), the
    /// template (422 unless ACTIVE and the business's), then the workflow rules over the composition (400).
    /// </summary>
    public async Task<ServiceResult<WorkflowPlan>> PlanWorkflowAsync(Business business, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var (request, errors) = TemplateWorkflowRequest.Read(body.Span);
        if (request is null)
        {
            return ServiceResult.Fail<WorkflowPlan>(ServiceOutcome.Invalid, errors);
        }

        var resolved = await ResolveAsync(business, request.TemplateId, request.TemplateName, cancellationToken);
        if (!resolved.IsSuccess)
        {
            return ServiceResult.Fail<WorkflowPlan>(resolved.Outcome, resolved.Errors);
        }

        return TemplateWorkflows.Plan(resolved.Value!, request.Input, time).ToServiceResult();
    }

    /// <summary>
    /// The latest version of the business's ACTIVE template named by <paramref name="templateId"/> or
    /// <paramref name="templateName"/> (exactly one): Invalid (400) when both or neither are given, Unprocessable (422)
    /// with <see cref="ServiceErrorCodes.TemplateNotFound"/> or <see cref="ServiceErrorCodes.TemplateNotActive"/>.
    /// The errors' paths are <see cref="TemplateIdPath"/> and <see cref="TemplateNamePath"/>.
    /// </summary>
    public async Task<ServiceResult<TemplateVersion>> ResolveAsync(
        Business business, Guid? templateId, string? templateName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(business);
        if (templateId is not null && templateName is not null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Invalid, new FieldError(
                TemplateNamePath, "Give templateId or templateName, not both.", ServiceErrorCodes.TemplateReferenceConflict));
        }

        if (templateId is null && templateName is null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Invalid, new FieldError(
                TemplateIdPath, "Give templateId or templateName.", WorkflowErrorCodes.FieldRequired));
        }

        var path = templateId is null ? TemplateNamePath : TemplateIdPath;
        var id = templateId ?? await templates.FindByNameAsync(business.BusinessId, templateName!, cancellationToken);
        var template = id is { } found ? await templates.GetLatestAsync(business.BusinessId, found, cancellationToken) : null;
        if (template is null)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Unprocessable, new FieldError(
                path, "The business has no template with this " + (templateId is null ? "name." : "id."), ServiceErrorCodes.TemplateNotFound));
        }

        if (template.State != TemplateState.Active)
        {
            return ServiceResult.Fail<TemplateVersion>(ServiceOutcome.Unprocessable, new FieldError(
                path, $"The template is {template.State.ToContractString()}: only an ACTIVE template creates workflows.", ServiceErrorCodes.TemplateNotActive));
        }

        return ServiceResult.Ok(template);
    }

    /// <summary>A name from the display name: lower-case letters and digits, '-' between words, and a short suffix of the id.</summary>
    internal static string GeneratedName(string displayName, Guid templateId)
    {
        var slug = new StringBuilder();
        foreach (var c in displayName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-');
        stem = stem.Length == 0 ? "template" : stem[..Math.Min(stem.Length, 80)].TrimEnd('-');
        return stem + "-" + templateId.ToString("N")[..6];
    }

    private static readonly FieldError DeletedError = new(
        "$", "The template is DELETED: it takes no new version and no other state.", ServiceErrorCodes.TemplateDeleted);

    private static Guid Tenant(Business business)
    {
        ArgumentNullException.ThrowIfNull(business);
        return business.BusinessId;
    }

    /// <summary>The body's draft, valid by every rule; or the 400 listing every problem.</summary>
    private (TemplateDraft Draft, ServiceResult<TemplateDetails>? Invalid) Read(ReadOnlyMemory<byte> body)
    {
        if (body.Length > MaxBodyBytes)
        {
            return (new TemplateDraft(), ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Invalid, new FieldError(
                "$", $"A template body is at most {MaxBodyBytes / 1024} KiB.", WorkflowErrorCodes.BodyTooLarge)));
        }

        var (draft, errors) = TemplateRequestReader.Read(body.Span, time);
        return draft is null || errors.Count > 0
            ? (new TemplateDraft(), ServiceResult.Fail<TemplateDetails>(ServiceOutcome.Invalid, errors))
            : (draft, null);
    }

    private async Task<ServiceResult<TemplateDetails>> DetailsAsync(TemplateVersion? template, CancellationToken cancellationToken) =>
        template is null
            ? ServiceResult.Fail<TemplateDetails>(ServiceOutcome.NotFound, NotFoundError)
            : ServiceResult.Ok(TemplateDetails.From(template, await StatsAsync(template, cancellationToken)));

    private async Task<TemplateSummary[]> SummariesAsync(IEnumerable<TemplateVersion> versions, CancellationToken cancellationToken) =>
        await Task.WhenAll(versions.Select(async v => TemplateSummary.From(v, await StatsAsync(v, cancellationToken))));

    private Task<TemplateStats> StatsAsync(TemplateVersion template, CancellationToken cancellationToken) =>
        templates.GetStatsAsync(template.BusinessId, template.TemplateId, template.TemplateVersionId, cancellationToken);
}
