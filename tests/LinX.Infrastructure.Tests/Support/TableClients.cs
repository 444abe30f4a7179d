using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>Table clients on Azurite with one extra pipeline policy (an observer or a fault of a test's own).</summary>
internal static class TableClients
{
    public static TableServiceClient With(string connectionString, HttpPipelinePolicy policy, HttpPipelinePosition position)
    {
        var options = new TableClientOptions();
        options.AddPolicy(policy, position);
        return new TableServiceClient(connectionString, options);
    }
}
