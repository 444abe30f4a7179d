using System.Globalization;
using LinX.Api.Http;
using LinX.Api.OpenApi;
using LinX.Api.Problems;
using LinX.Core.Documents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LinX.Api.Documents;

/// <summary>
/// The business's documents (<c>/api/linx/documents</c>, its API key), host-neutral: the documents its customers accept on
/// a document-acceptance step. Create, update (a new version), get (current or a version), list. Rules: <see cref="BusinessDocumentService"/>.
/// </summary>
public static class BusinessDocumentEndpoints
{
    /// <summary>Maps the routes (called by <see cref="LinXApiEndpoints.MapLinXApi"/>).</summary>
    public static IEndpointRouteBuilder MapLinXBusinessDocuments(this IEndpointRouteBuilder app)
    {
        var documents = app.MapGroup("/api/linx/documents").WithTags("Business documents").DocumentedAsBusinessApi();
        documents.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)ListAsync).WithName("ListBusinessDocuments")
            .WithSummary("List the business's documents")
            .WithDescription("Each document at its current version, without its text (read one document for it).")
            .Responds<BusinessDocumentListView>(StatusCodes.Status200OK, "The documents.");
        documents.MapPost(string.Empty, (Func<HttpContext, Task<IResult>>)CreateAsync).WithName("CreateBusinessDocument")
            .WithSummary("Create a document")
            .WithDescription($"Version 1 of a document the business's customers accept on a document-acceptance step (documentGroup and documentId, as the step names it): its title, its full plain text (up to {BusinessDocument.MaxTextLength} characters, line breaks kept, shown as text and never as markup) and its locale. LinX keeps the text's SHA-256 as the evidence of what each customer accepted. The same body again answers the same document (200).")
            .ReadsJson<BusinessDocumentRequest>("A field breaks the contract (errors lists every problem) or the body is not JSON.")
            .Responds<BusinessDocumentView>(StatusCodes.Status201Created, "Created.")
            .Responds<BusinessDocumentView>(StatusCodes.Status200OK, "The same document existed already.")
            .RespondsProblem(StatusCodes.Status409Conflict, $"Another document has this documentId (DOCUMENT_EXISTS), or the business keeps {BusinessDocument.MaxPerBusiness} documents already (DOCUMENT_LIMIT_REACHED).");
        documents.MapGet("/{documentId}", GetAsync).WithName("GetBusinessDocument")
            .WithSummary("Get a document")
            .WithDescription("Its current version, with its text: the version new workflows pin.")
            .RespondsOkOrNotFound<BusinessDocumentView>("The current version.", "document");
        documents.MapPut("/{documentId}", UpdateAsync).WithName("UpdateBusinessDocument")
            .WithSummary("Store a document's next version")
            .WithDescription("A new version with this title, text and locale; earlier versions stay as they were, and workflows created before keep the version they pinned. The same title, text and locale as the current version store nothing (200, the current version).")
            .ReadsJson<BusinessDocumentVersionRequest>("A field breaks the contract (errors lists every problem) or the body is not JSON.")
            .RespondsOkOrNotFound<BusinessDocumentView>("The version now current.", "document");
        documents.MapGet("/{documentId}/versions/{version}", GetVersionAsync).WithName("GetBusinessDocumentVersion")
            .WithSummary("Get a version of a document")
            .WithDescription("That version as it was stored: what a workflow that pinned it showed its customer.")
            .RespondsOkOrNotFound<BusinessDocumentView>("The version.", "document or version");
        return app;
    }

    /// <summary><c>GET /api/linx/documents</c>.</summary>
    public static Task<IResult> ListAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
        ServiceResults.Json(http, await Service(http).ListAsync(business, http.RequestAborted)));

    /// <summary><c>POST /api/linx/documents</c>: 201 when created, 200 when the same document existed.</summary>
    public static Task<IResult> CreateAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        return body.Problem ?? ServiceResults.ToHttp(http, await Service(http).CreateAsync(business, body.Bytes, http.RequestAborted), stored => Results.Json(
            stored.Document, ApiJson.Options, statusCode: stored.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK));
    });

    /// <summary><c>GET /api/linx/documents/{documentId}</c>.</summary>
    public static Task<IResult> GetAsync(HttpContext http, string documentId) => BusinessAuthentication.RunAsync(http, async business =>
        ServiceResults.Json(http, await Service(http).GetAsync(business, documentId, null, http.RequestAborted)));

    /// <summary><c>GET /api/linx/documents/{documentId}/versions/{version}</c>; a version that is not a positive number is 404.</summary>
    public static Task<IResult> GetVersionAsync(HttpContext http, string documentId, string version) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var number = int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
        return ServiceResults.Json(http, await Service(http).GetAsync(business, number == 0 ? string.Empty : documentId, number, http.RequestAborted));
    });

    /// <summary><c>PUT /api/linx/documents/{documentId}</c>: the next version.</summary>
    public static Task<IResult> UpdateAsync(HttpContext http, string documentId) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        return body.Problem ?? ServiceResults.ToHttp(
            http, await Service(http).UpdateAsync(business, documentId, body.Bytes, http.RequestAborted), stored => Results.Json(stored.Document, ApiJson.Options));
    });

    private static BusinessDocumentService Service(HttpContext http) => http.RequestServices.GetRequiredService<BusinessDocumentService>();
}
