using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using LinX.Core.Batches;

namespace LinX.Api.OpenApi;

/// <summary>The body of a batch's create (RocketKOR's shape): the header, then the entries.</summary>
/// <remarks>For the OpenAPI document only: <see cref="BatchRequestReader"/> reads the body, reporting every problem.</remarks>
/// <param name="Header">The batch's metadata: its template, its size and its idempotency key.</param>
/// <param name="Payload">The entries, one workflow each.</param>
public sealed record BatchRequestBody(BatchRequestHeader Header, BatchRequestPayload Payload);

/// <summary>The header of a batch.</summary>
/// <param name="UseTemplate">The ACTIVE template every entry is composed with (its latest version, pinned for the batch).</param>
/// <param name="RequestsInBatch">How many entries the batch has, 1 to 10000: it must equal the length of payload.batchEntries.</param>
public sealed record BatchRequestHeader(BatchTemplateChoiceBody UseTemplate, [property: Range(1, BatchLimits.MaxEntries)] int RequestsInBatch)
{
    /// <summary>6 to 255 visible ASCII characters; the same key and body answer the same batch, the key with another body 409. LinX makes one when absent.</summary>
    [MinLength(6)]
    [MaxLength(255)]
    public string? IdempotencyKey { get; init; }
}

/// <summary>Which template: exactly one of templateId and templateName.</summary>
/// <param name="TemplateId">The template's id.</param>
/// <param name="TemplateName">The template's name.</param>
public sealed record BatchTemplateChoiceBody(Guid? TemplateId, string? TemplateName);

/// <summary>The entries of a batch.</summary>
/// <param name="BatchEntries">1 to 10000 entries; each is validated on its own, and an invalid one is REJECTED with its fieldErrors while the others run.</param>
public sealed record BatchRequestPayload(IReadOnlyList<BatchEntryBody> BatchEntries);

/// <summary>One entry: what it adds to the template, as a workflow request from that template would.</summary>
/// <param name="Title">The workflow's title, 1 to 100 characters.</param>
/// <param name="Parameters">The parameters the template leaves to the request (such as phoneNumber and amount).</param>
public sealed record BatchEntryBody(string Title, IReadOnlyDictionary<string, JsonElement> Parameters)
{
    /// <summary>Hours until the workflow expires (1 to 8760); the template's default when absent.</summary>
    public int? ExpiryInHours { get; init; }

    /// <summary>The memo shown to the customer; the template's when absent.</summary>
    public string? CustomerMemo { get; init; }
}
