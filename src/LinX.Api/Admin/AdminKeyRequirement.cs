namespace LinX.Api.Admin;

/// <summary>
/// Marks an admin operation (endpoint metadata on the <c>/api/admin</c> group): it requires the admin key, as a bearer
/// token, not a business API key. The OpenAPI document's transformers can read it to declare the admin security scheme.
/// </summary>
public sealed class AdminKeyRequirement
{
    public static AdminKeyRequirement Instance { get; } = new();

    private AdminKeyRequirement()
    {
    }
}
