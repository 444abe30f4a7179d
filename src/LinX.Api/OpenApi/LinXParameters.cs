using System.Globalization;
using LinX.Api.Http;
using LinX.Api.Workflows;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;

namespace LinX.Api.OpenApi;

/// <summary>The parameters LinX's handlers read themselves, documented once for every route that reads them.</summary>
public static class LinXParameters
{
    /// <summary>The <c>Idempotency-Key</c> header of a create (<see cref="WorkflowEndpoints.IdempotencyKeyHeader"/>).</summary>
    public static RouteHandlerBuilder WithIdempotencyKeyHeader(this RouteHandlerBuilder builder) =>
        builder.WithParameter(
            ParameterLocation.Header,
            WorkflowEndpoints.IdempotencyKeyHeader,
            "6 to 255 visible ASCII characters, sent once. A retry with the same key and the same body answers the same workflow; with another body, 409 IDEMPOTENCY_KEY_REUSED. Without it, every post is a new workflow.",
            () => new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 6, MaxLength = 255, Pattern = "^[!-~]+$" });

    /// <summary>The query of <c>GET /api/linx/workflows</c> (<see cref="WorkflowQuery"/>).</summary>
    public static RouteHandlerBuilder WithWorkflowSearchQuery(this RouteHandlerBuilder builder) =>
        builder
            .WithParameter(ParameterLocation.Query, "status", "Only workflows in this status.", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = EnumWireNames.AsEnum(EnumWireNames.Of<WorkflowStatus>()),
            })
            .WithParameter(
                ParameterLocation.Query,
                "search",
                "Full text: a workflow id, or the customer's e-mail address, phone number (international, or national to the business's country) or name words (each must match a whole word of the first or last name; case and accents do not matter).",
                () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = QueryParameters.MaxSearchLength })
            .WithParameter(ParameterLocation.Query, "templateId", "Only workflows created from this template (any of its versions).", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Format = "uuid",
            })
            .WithParameter(ParameterLocation.Query, "sort", "createdAt,DESC (the default, newest first) or createdAt,ASC.", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = EnumWireNames.AsEnum(["createdAt,DESC", "createdAt,ASC"]),
                Default = System.Text.Json.Nodes.JsonValue.Create("createdAt,DESC"),
            })
            .WithParameter(ParameterLocation.Query, "page", "The page, from 1; page x size at most 10,000.", () => WholeNumber(1, WorkflowQuery.MaxPage, 1))
            .WithParameter(ParameterLocation.Query, "size", "Workflows per page.", () => WholeNumber(1, QueryParameters.MaxPageSize, QueryParameters.DefaultPageSize));

    /// <summary>The query of <c>GET /api/linx/templates</c> (<see cref="Templates.TemplateQuery"/>).</summary>
    public static RouteHandlerBuilder WithTemplateSearchQuery(this RouteHandlerBuilder builder) =>
        builder
            .WithParameter(ParameterLocation.Query, "search", "Only templates whose id, name or display name contains this text.", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                MaxLength = QueryParameters.MaxSearchLength,
            })
            .WithParameter(ParameterLocation.Query, "status", "Only templates in this state (DELETED ones are listed only so).", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = EnumWireNames.AsEnum(EnumWireNames.Of<Core.Templates.TemplateState>()),
            })
            .WithParameter(ParameterLocation.Query, "sort", "field,ASC or field,DESC; the fields are createdAt, name and displayName. Default createdAt,DESC.", () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^(createdAt|name|displayName)(,(ASC|DESC))?$",
            })
            .WithParameter(ParameterLocation.Query, "page", "The page, from 1.", () => WholeNumber(1, Templates.TemplateQuery.MaxPage, 1))
            .WithParameter(ParameterLocation.Query, "size", "Templates per page.", () => WholeNumber(1, QueryParameters.MaxPageSize, QueryParameters.DefaultPageSize));

    /// <summary>The query of <c>GET /api/linx/customers</c> (<see cref="Resources.ResourceEndpoints.CustomersAsync"/>).</summary>
    public static RouteHandlerBuilder WithCustomerListQuery(this RouteHandlerBuilder builder) =>
        builder
            .WithParameter(
                ParameterLocation.Query,
                "search",
                "An e-mail address, a phone number (international, or national to the business's country) or name words (each must match a whole word of the first or last name; case and accents do not matter). Without it, every customer, newest first.",
                () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = QueryParameters.MaxSearchLength })
            .WithParameter(
                ParameterLocation.Query, "size", "Customers per page.",
                () => WholeNumber(1, QueryParameters.MaxPageSize, QueryParameters.DefaultPageSize))
            .WithParameter(
                ParameterLocation.Query, "pageToken", "The nextPageToken of the page before; absent for the first page.",
                () => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = Resources.ResourceEndpoints.MaxPageTokenLength });

    /// <summary><c>size</c> and <c>pageToken</c> of <c>GET /api/linx/sms-opt-outs</c>.</summary>
    public static RouteHandlerBuilder WithSmsOptOutListQuery(this RouteHandlerBuilder builder) =>
        builder
            .WithParameter(
                ParameterLocation.Query, "size", "Opt-outs per page.",
                () => WholeNumber(1, QueryParameters.MaxPageSize, QueryParameters.DefaultPageSize))
            .WithParameter(
                ParameterLocation.Query, "pageToken", "The nextPageToken of the page before; absent for the first page.",
                () => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[0-9a-f]{64}$" });

    /// <summary><c>status</c>, <c>page</c> and <c>size</c> of the batch listings.</summary>
    public static RouteHandlerBuilder WithBatchListQuery<TStatus>(this RouteHandlerBuilder builder, string status)
        where TStatus : struct, Enum =>
        builder
            .WithParameter(ParameterLocation.Query, "status", status, () => new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Enum = EnumWireNames.AsEnum(EnumWireNames.Of<TStatus>()),
            })
            .WithParameter(ParameterLocation.Query, "page", "The page, from 1.", () => WholeNumber(1, Batches.BatchQuery<TStatus>.MaxPage, 1))
            .WithParameter(ParameterLocation.Query, "size", "Items per page.", () => WholeNumber(1, QueryParameters.MaxPageSize, QueryParameters.DefaultPageSize));

    private static OpenApiSchema WholeNumber(int min, int max, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = min.ToString(CultureInfo.InvariantCulture),
        Maximum = max.ToString(CultureInfo.InvariantCulture),
        Default = fallback,
    };
}
