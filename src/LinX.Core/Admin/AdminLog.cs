using Microsoft.Extensions.Logging;

namespace LinX.Core.Admin;

/// <summary>The admin API's log messages: ids, which admin key (its number) and what changed; never a key, hash or account number.</summary>
internal static partial class AdminLog
{
    [LoggerMessage(40, LogLevel.Information, "Admin key #{AdminKey}: business {BusinessId} {Change}")]
    public static partial void BusinessChanged(this ILogger logger, int adminKey, Guid businessId, string change);

    [LoggerMessage(41, LogLevel.Information, "Admin key #{AdminKey}: API key {KeyId} of business {BusinessId} {Change}")]
    public static partial void ApiKeyChanged(this ILogger logger, int adminKey, Guid keyId, Guid businessId, string change);

    [LoggerMessage(42, LogLevel.Information, "Admin key #{AdminKey}: financial account {FinancialAccountId} added to business {BusinessId}")]
    public static partial void BusinessAccountAdded(this ILogger logger, int adminKey, Guid financialAccountId, Guid businessId);

    [LoggerMessage(43, LogLevel.Information, "Demo business {BusinessId}: API key {KeyId} registered, {Revoked} other key(s) revoked")]
    public static partial void DemoKeyRegistered(this ILogger logger, Guid businessId, Guid keyId, int revoked);
}
