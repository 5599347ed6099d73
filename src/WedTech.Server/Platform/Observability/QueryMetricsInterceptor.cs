using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace WedTech.Server.Platform.Observability;

/// <summary>Records every EF Core command's duration into <c>database_query_duration_seconds</c>.</summary>
internal sealed class QueryMetricsInterceptor(AppMetrics metrics, string database) : DbCommandInterceptor
{
    private readonly Prometheus.Histogram.Child _histogram = metrics.DatabaseQueryDuration.WithLabels(database);

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Observe(eventData, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Observe(eventData, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Observe(eventData, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Observe(eventData, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Observe(eventData, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Observe(eventData, result));

    private T Observe<T>(CommandExecutedEventData eventData, T result)
    {
        _histogram.Observe(eventData.Duration.TotalSeconds);
        return result;
    }
}
