using System.Globalization;
using LinX.Core;
using LinX.Core.Workflows;
using Microsoft.AspNetCore.Http;

namespace LinX.Api.Http;

/// <summary>Reads query parameters of the listing endpoints, adding a problem (path <c>query.&lt;name&gt;</c>) for each bad one.</summary>
internal static class QueryParameters
{
    /// <summary>Items per page of a listing when <c>size</c> is absent.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest <c>size</c> of a listing.</summary>
    public const int MaxPageSize = 100;

    /// <summary>The longest <c>search</c> of a listing.</summary>
    public const int MaxSearchLength = 100;

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int Int(IQueryCollection query, string name, int fallback, int min, int max, List<FieldError> errors)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(new FieldError($"query.{name}", $"{GivenValue.Quote(text)} is not a whole number: {name} takes one from {min} to {max}.", WorkflowErrorCodes.NotWholeNumber));
        }
        else if (value < min || value > max)
        {
            errors.Add(new FieldError($"query.{name}", $"{name} is {value}; it must be from {min} to {max}.", WorkflowErrorCodes.ValueOutOfRange));
        }
        else
        {
            return value;
        }

        return fallback;
    }

    /// <summary>Printable text of at most <paramref name="maxLength"/> characters, or null when absent or empty.</summary>
    public static string? Text(IQueryCollection query, string name, int maxLength, List<FieldError> errors)
    {
        var text = query[name].ToString();
        if (text.Length > maxLength)
        {
            errors.Add(new FieldError($"query.{name}", $"{name} is {text.Length} characters long; it may be at most {maxLength}.", WorkflowErrorCodes.StringTooLong));
        }
        else if (text.Any(char.IsControl))
        {
            errors.Add(new FieldError($"query.{name}", $"{name} holds a control character.", WorkflowErrorCodes.ControlCharacter));
        }
        else if (text.Length > 0)
        {
            return text;
        }

        return null;
    }

    /// <summary>A value of the contract enum <typeparamref name="T"/> by its wire name (e.g. <c>QUEUED</c>), or null when absent.</summary>
    public static T? WireEnum<T>(IQueryCollection query, string name, List<FieldError> errors)
        where T : struct, Enum => WireEnum<T>(query, name, name, errors);

    /// <summary>As <see cref="WireEnum{T}(IQueryCollection, string, List{FieldError})"/>, a bad value reported as not a <paramref name="what"/> (e.g. <c>workflow status</c>).</summary>
    public static T? WireEnum<T>(IQueryCollection query, string name, string what, List<FieldError> errors)
        where T : struct, Enum
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        var names = OpenApi.EnumWireNames.Of<T>();
        var index = names.ToList().IndexOf(text);
        if (index >= 0)
        {
            return Enum.GetValues<T>()[index];
        }

        errors.Add(new FieldError($"query.{name}", $"{GivenValue.Quote(text)} is not a {what}: use one of {string.Join(", ", names)}.", WorkflowErrorCodes.InvalidValue));
        return null;
    }

    /// <summary>
    /// RocketKOR's <c>sort=field,ASC|DESC</c> over <paramref name="fields"/> (the first is the default, descending): the
    /// direction optional (ascending, as RocketKOR reads it) and of any case; the default when absent. A bad one is
    /// reported as not a sort <paramref name="resources"/> (e.g. <c>workflows</c>) support.
    /// </summary>
    public static (string Field, bool Descending) Sort(IQueryCollection query, IReadOnlyList<string> fields, string resources, List<FieldError> errors)
    {
        var sorts = query["sort"];
        if (sorts.Count == 0)
        {
            return (fields[0], true);
        }

        var parts = sorts.Count == 1 ? sorts[0]!.Split(',', StringSplitOptions.TrimEntries) : [];
        if (parts.Length is 1 or 2 && fields.Contains(parts[0]) && (parts.Length == 1 || parts[1].ToUpperInvariant() is "ASC" or "DESC"))
        {
            return (parts[0], parts.Length == 2 && parts[1].Equals("DESC", StringComparison.OrdinalIgnoreCase));
        }

        var use = fields.Count == 1
            ? $"{fields[0]},DESC (the default) or {fields[0]},ASC"
            : $"field,ASC or field,DESC with a field of {string.Join(", ", fields)} (default {fields[0]},DESC)";
        errors.Add(new FieldError(
            "query.sort", $"{GivenValue.Quote(string.Join("&sort=", sorts.ToArray()))} is not a sort {resources} support: use {use}.", WorkflowErrorCodes.InvalidValue));
        return (fields[0], true);
    }
}
