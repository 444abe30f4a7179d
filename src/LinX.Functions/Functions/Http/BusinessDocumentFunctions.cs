using LinX.Api.Documents;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace LinX.Functions.Functions.Http;

/// <summary>HTTP triggers of the business's documents, one line each onto <see cref="BusinessDocumentEndpoints"/> (the API key is checked there).</summary>
public static class BusinessDocumentFunctions
{
    private const string Base = "api/linx/documents";

    [Function("ListBusinessDocuments")]
    public static Task<IResult> ListAsync([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base)] HttpRequest req) =>
        BusinessDocumentEndpoints.ListAsync(req.HttpContext);

    [Function("CreateBusinessDocument")]
    public static Task<IResult> CreateAsync([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Base)] HttpRequest req) =>
        BusinessDocumentEndpoints.CreateAsync(req.HttpContext);

    [Function("GetBusinessDocument")]
    public static Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{documentId}")] HttpRequest req, string documentId) =>
        BusinessDocumentEndpoints.GetAsync(req.HttpContext, documentId);

    [Function("UpdateBusinessDocument")]
    public static Task<IResult> UpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = Base + "/{documentId}")] HttpRequest req, string documentId) =>
        BusinessDocumentEndpoints.UpdateAsync(req.HttpContext, documentId);

    [Function("GetBusinessDocumentVersion")]
    public static Task<IResult> GetVersionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Base + "/{documentId}/versions/{version}")] HttpRequest req, string documentId, string version) =>
        BusinessDocumentEndpoints.GetVersionAsync(req.HttpContext, documentId, version);
}
