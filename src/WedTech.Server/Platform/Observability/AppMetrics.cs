using Prometheus;

namespace WedTech.Server.Platform.Observability;

/// <summary>The product's Prometheus metrics, in one place so their names and labels stay consistent.</summary>
public static class AppMetrics
{
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Histogram HttpRequestDuration = Metrics.CreateHistogram(
        "http_request_duration_seconds", "Time to handle an HTTP request.",
        new HistogramConfiguration { LabelNames = ["method", "route", "status"], Buckets = LatencyBuckets });

    public static readonly Counter HttpRequests = Metrics.CreateCounter(
        "http_requests_total", "HTTP requests handled.", new CounterConfiguration { LabelNames = ["method", "route", "status"] });

    public static readonly Histogram DatabaseQueryDuration = Metrics.CreateHistogram(
        "database_query_duration_seconds", "Time to run one database command.",
        new HistogramConfiguration { LabelNames = ["database"], Buckets = LatencyBuckets });

    public static readonly Gauge ActiveUsers = Metrics.CreateGauge(
        "active_users_total", "Users who made an authenticated request in the last 15 minutes (this node).");

    public static readonly Gauge Tenants = Metrics.CreateGauge(
        "tenants_total", "Tenants in the catalog by status.", new GaugeConfiguration { LabelNames = ["status"] });
}
