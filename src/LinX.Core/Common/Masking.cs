namespace LinX.Core.Common;

/// <summary>Display masks for personal data: what may be shown, logged or stored in orchestration history.</summary>
public static class Masking
{
    /// <summary><c>+16471234567</c> becomes <c>+1647*****67</c>: country and area code, then the last two digits.</summary>
    public static string Phone(string e164)
    {
        if (string.IsNullOrEmpty(e164) || e164.Length < 8)
        {
            return "***";
        }

        const int head = 5;
        const int tail = 2;
        return string.Concat(e164.AsSpan(0, head), new string('*', e164.Length - head - tail), e164.AsSpan(e164.Length - tail));
    }

    /// <summary><c>john.doe@example.com</c> becomes <c>j*****e@example.com</c>.</summary>
    public static string Email(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return "***";
        }

        var local = email[..at];
        var shown = local.Length <= 2 ? local[..1] + "*" : local[0] + new string('*', local.Length - 2) + local[^1];
        return shown + email[at..];
    }

    /// <summary>A name shown by its initial only: <c>Doe</c> becomes <c>D.</c>.</summary>
    public static string Initial(string name) => string.IsNullOrEmpty(name) ? string.Empty : name[..1] + ".";
}
