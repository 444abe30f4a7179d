namespace LinX.Api.Http;

/// <summary>Ids in routes are parsed by hand so that a malformed id is a 404 like any unknown one, never a 500.</summary>
public static class RouteIds
{
    public static Guid? Parse(string? id) => Guid.TryParse(id, out var value) && value != Guid.Empty ? value : null;
}
