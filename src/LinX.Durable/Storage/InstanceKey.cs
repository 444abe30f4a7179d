using System.Globalization;
using System.Text;

namespace LinX.Durable.Storage;

/// <summary>
/// Maps an instance id to a partition key. Ids come from callers, so the characters tables forbid in
/// keys (<c>/ \ # ?</c>, control characters) and the escape character itself are percent-encoded.
/// </summary>
internal static class InstanceKey
{
    public const int MaxIdLength = 256;

    public static void Validate(string instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > MaxIdLength)
        {
            throw new ArgumentException($"An instance id must be 1 to {MaxIdLength} characters and not blank.", nameof(instanceId));
        }
    }

    public static string ToPartitionKey(string instanceId)
    {
        if (!instanceId.AsSpan().ContainsAny("/\\#?%") && !instanceId.Any(char.IsControl))
        {
            return instanceId;
        }

        var builder = new StringBuilder(instanceId.Length + 8);
        foreach (var c in instanceId)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
