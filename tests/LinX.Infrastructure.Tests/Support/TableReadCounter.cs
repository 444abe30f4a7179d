using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace LinX.Infrastructure.Tests.Support;

/// <summary>
/// Counts the rows that table reads bring back (a query page's rows, or the one row of a point read) through the
/// clients made by <see cref="Client"/>: what a read costs, seen on the wire.
/// </summary>
internal sealed class TableReadCounter : HttpPipelinePolicy
{
    private readonly string? _column;
    private int _rows;
    private int _rowsWithColumn;

    /// <param name="column">A column whose presence is counted too (e.g. one only a full row has).</param>
    public TableReadCounter(string? column = null) => _column = column;

    /// <summary>Rows read since the last <see cref="Reset"/>.</summary>
    public int Read => Volatile.Read(ref _rows);

    /// <summary>Rows read that carried the column given to the constructor.</summary>
    public int ReadWithColumn => Volatile.Read(ref _rowsWithColumn);

    public TableServiceClient Client(string connectionString) => TableClients.With(connectionString, this, HttpPipelinePosition.PerRetry);

    public void Reset()
    {
        Volatile.Write(ref _rows, 0);
        Volatile.Write(ref _rowsWithColumn, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        if (message.Request.Method != RequestMethod.Get || message.Response.Status != 200)
        {
            return;
        }

        using var json = JsonDocument.Parse(message.Response.Content.ToMemory());
        var rows = json.RootElement.TryGetProperty("value", out var page) ? [.. page.EnumerateArray()] : new[] { json.RootElement };
        Interlocked.Add(ref _rows, rows.Length);
        if (_column is not null)
        {
            Interlocked.Add(ref _rowsWithColumn, rows.Count(r => r.TryGetProperty(_column, out _)));
        }
    }
}
