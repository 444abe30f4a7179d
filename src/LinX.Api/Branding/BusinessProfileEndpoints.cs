using LinX.Api.Http;
using LinX.Api.OpenApi;
using LinX.Api.Problems;
using LinX.Core;
using LinX.Core.Businesses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace LinX.Api.Branding;

/// <summary>
/// The business's own profile and logo (<c>/api/linx/business/profile...</c>, its API key) and the logo LinX serves to
/// the Gateway page (<c>/linx/brand/{businessId}/logo/{sha256}</c>, anonymous: an image tag sends no key, and the page's
/// CSP allows images from LinX only). Host-neutral like the other endpoints. The profile's body and rules are the admin
/// API's (<see cref="BusinessProfileService"/>).
/// </summary>
public static class BusinessProfileEndpoints
{
    private const string LogoTypes = "A logo is PNG, JPEG or WebP (never SVG): send Content-Type: image/png, image/jpeg or image/webp.";

    /// <summary>Maps the routes (called by <see cref="LinXApiEndpoints.MapLinXApi"/>).</summary>
    public static IEndpointRouteBuilder MapLinXBusinessProfile(this IEndpointRouteBuilder app)
    {
        var profile = app.MapGroup("/api/linx/business/profile").WithTags("Business profile").DocumentedAsBusinessApi();
        profile.MapGet(string.Empty, (Func<HttpContext, Task<IResult>>)GetAsync).WithName("GetBusinessProfile")
            .WithSummary("Get the business's profile")
            .WithDescription("How the business presents itself on its customers' Gateway page: display name, support contacts, links, time zone, locale, accent colour and the URL of its logo. Without a profile: its name, time zone UTC, the rest null.")
            .Responds<BusinessProfileView>(StatusCodes.Status200OK, "The profile.");
        profile.MapPut(string.Empty, (Func<HttpContext, Task<IResult>>)UpdateAsync).WithName("UpdateBusinessProfile")
            .WithSummary("Replace the business's profile")
            .WithDescription("The same body and rules as the admin API's profile. accentColor (#RRGGBB) colours the page's primary buttons behind white text, so it needs a contrast of at least 4.5:1 with white. The logo stays.")
            .ReadsJson<BusinessProfile>("The profile breaks the contract (errors lists every problem) or is not JSON.")
            .Responds<BusinessProfileView>(StatusCodes.Status200OK, "The new profile.");
        profile.MapPut("/logo", (Func<HttpContext, Task<IResult>>)SetLogoAsync).WithName("SetBusinessLogo")
            .WithSummary("Replace the business's logo")
            .WithDescription($"The raw image as the body: PNG, JPEG or WebP, at most {LogoImage.MaxBytes} bytes and {LogoImage.MaxPixels}×{LogoImage.MaxPixels} pixels. LinX stores it and serves it at logoUrl, a URL named by the image's SHA-256: the previous logo's URL stops answering.")
            .Accepts<Stream>(LogoImage.Png, LogoImage.Jpeg, LogoImage.WebP)
            .Responds<BusinessProfileView>(StatusCodes.Status200OK, "The profile with the new logoUrl.")
            .RespondsProblem(StatusCodes.Status400BadRequest, "The body is not the image its Content-Type says (LOGO_NOT_AN_IMAGE) or is larger than 1024 pixels either way (LOGO_DIMENSIONS_TOO_LARGE).")
            .RespondsProblem(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {LogoImage.MaxBytes} bytes (LOGO_TOO_LARGE).")
            .RespondsProblem(StatusCodes.Status415UnsupportedMediaType, LogoTypes);
        profile.MapDelete("/logo", (Func<HttpContext, Task<IResult>>)DeleteLogoAsync).WithName("DeleteBusinessLogo")
            .WithSummary("Remove the business's logo")
            .WithDescription("The page shows no logo; the logo's URL stops answering.")
            .RespondsEmpty(StatusCodes.Status204NoContent, "Removed (also when there was none).");
        app.MapGet("/linx/brand/{businessId}/logo/{sha256}", LogoAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary><c>GET /api/linx/business/profile</c>.</summary>
    public static Task<IResult> GetAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, business =>
        Task.FromResult(Results.Json(BusinessProfileView.From(business), ApiJson.Options)));

    /// <summary><c>PUT /api/linx/business/profile</c> with the whole profile.</summary>
    public static Task<IResult> UpdateAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        var body = await RequestBody.ReadJsonAsync(http);
        return body.Problem ?? ServiceResults.ToHttp(
            http, await Service(http).UpdateAsync(business.BusinessId, body.Bytes, http.RequestAborted), updated => Ok(BusinessProfileView.From(updated)));
    });

    /// <summary><c>PUT /api/linx/business/profile/logo</c> with the image as the body.</summary>
    public static Task<IResult> SetLogoAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
    {
        if (LogoContentType(http.Request.Headers.ContentType) is not { } contentType)
        {
            return ProblemResults.UnsupportedMediaType(http, LogoTypes);
        }

        // The read stops at RequestBody.MaxBytes; a logo's own limit is checked too, should the two ever differ.
        var body = await RequestBody.ReadAsync(http, LogoTooLarge);
        if (body.Problem is null && body.Bytes.Length > LogoImage.MaxBytes)
        {
            return LogoTooLarge(http);
        }

        return body.Problem ?? ServiceResults.ToHttp(
            http, await Service(http).SetLogoAsync(business, contentType, body.Bytes, http.RequestAborted), Ok);
    });

    /// <summary><c>DELETE /api/linx/business/profile/logo</c>: 204.</summary>
    public static Task<IResult> DeleteLogoAsync(HttpContext http) => BusinessAuthentication.RunAsync(http, async business =>
        ServiceResults.ToHttp(http, await Service(http).DeleteLogoAsync(business, http.RequestAborted), _ => Results.NoContent()));

    /// <summary>
    /// <c>GET /linx/brand/{businessId}/logo/{sha256}</c>: the business's current logo, cacheable for good (the URL names
    /// its hash), with headers that keep a browser from reading it as anything but the image it is. 404 for another hash.
    /// </summary>
    public static async Task<IResult> LogoAsync(HttpContext http, string businessId, string sha256)
    {
        ArgumentNullException.ThrowIfNull(http);
        var result = RouteIds.Parse(businessId) is { } id && sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigitLower)
            ? await Service(http).GetLogoAsync(id, sha256, http.RequestAborted)
            : null;
        if (result?.Value is not { } logo)
        {
            return ProblemResults.NotFound(http, "No such logo.");
        }

        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'";
        headers.CacheControl = "public, max-age=31536000, immutable";
        return Results.Bytes(logo.Content, logo.ContentType);
    }

    private static BusinessProfileService Service(HttpContext http) => http.RequestServices.GetRequiredService<BusinessProfileService>();

    private static IResult Ok(BusinessProfileView view) => Results.Json(view, ApiJson.Options);

    private static IResult LogoTooLarge(HttpContext http)
    {
        var detail = $"A logo is at most {LogoImage.MaxBytes} bytes (64 KiB).";
        return ProblemResults.Problem(
            http, StatusCodes.Status413PayloadTooLarge, ServiceErrorCodes.LogoTooLarge, detail, [new FieldError("$", detail, ServiceErrorCodes.LogoTooLarge)]);
    }

    // One of the logo types, parameters ignored; null for any other (SVG included) or none.
    private static string? LogoContentType(StringValues contentType) =>
        contentType.Count == 1 && MediaTypeHeaderValue.TryParse(contentType[0], out var type)
            ? LogoImage.ContentTypes.FirstOrDefault(t => type.MediaType.Equals(t, StringComparison.OrdinalIgnoreCase))
            : null;
}
