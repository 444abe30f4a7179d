using LinX.Core.Gateway;

namespace LinX.Core.Admin;

/// <summary>
/// The bodies of the API key routes: create <c>{ name, expiresInDays? }</c> and rotate <c>{ overlapHours?,
/// expiresInDays? }</c> (an empty rotate body takes the defaults), with every problem found.
/// </summary>
internal sealed record ApiKeyRequest(string? Name, int? ExpiresInDays, int OverlapHours)
{
    public const int MaxNameLength = 100;

    private static readonly string[] CreateFields = ["name", "expiresInDays"];
    private static readonly string[] RotateFields = ["overlapHours", "expiresInDays"];

    public static (ApiKeyRequest? Request, IReadOnlyList<FieldError> Errors) ParseCreate(ReadOnlyMemory<byte> body) => Parse(body, rotate: false);

    public static (ApiKeyRequest? Request, IReadOnlyList<FieldError> Errors) ParseRotate(ReadOnlyMemory<byte> body) =>
        body.IsEmpty ? (new ApiKeyRequest(null, null, ApiKeyService.DefaultOverlapHours), []) : Parse(body, rotate: true);

    private static (ApiKeyRequest? Request, IReadOnlyList<FieldError> Errors) Parse(ReadOnlyMemory<byte> body, bool rotate) =>
        AdminFields.Read(body, rotate ? RotateFields : CreateFields, (root, fields) =>
        {
            var name = rotate ? null : fields.String(root, "name", "$.name", MaxNameLength);
            var expiresInDays = AdminFields.WholeNumber(root, "expiresInDays", 1, ApiKeyService.MaxExpiresInDays, fields);
            var overlap = rotate ? AdminFields.WholeNumber(root, "overlapHours", 0, ApiKeyService.MaxOverlapHours, fields) : null;
            return new ApiKeyRequest(name, expiresInDays, overlap ?? ApiKeyService.DefaultOverlapHours);
        });
}
