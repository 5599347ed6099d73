using Prometheus;

namespace WedTech.Server.Platform.Observability;

/// <summary>
/// The product's Prometheus metrics, in one place so their names and labels stay consistent. Each app
/// has its own registry (a DI singleton), so two servers in one process — as in the tests — never
/// write into each other's numbers.
/// </summary>
public sealed class AppMetrics
{
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public AppMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        DotNetStats.Register(Registry);
        var factory = Metrics.WithCustomRegistry(Registry);
        HttpRequestDuration = factory.CreateHistogram("http_request_duration_seconds", "Time to handle an HTTP request.",
            new HistogramConfiguration { LabelNames = ["method", "route", "status"], Buckets = LatencyBuckets });
        HttpRequests = factory.CreateCounter("http_requests_total", "HTTP requests handled.",
            new CounterConfiguration { LabelNames = ["method", "route", "status"] });
        DatabaseQueryDuration = factory.CreateHistogram("database_query_duration_seconds", "Time to run one database command.",
            new HistogramConfiguration { LabelNames = ["database"], Buckets = LatencyBuckets });
        ActiveUsers = factory.CreateGauge("active_users_total", "Users who made an authenticated request in the last 15 minutes (this node).");
        Tenants = factory.CreateGauge("tenants_total", "Tenants in the catalog by status.", new GaugeConfiguration { LabelNames = ["status"] });
        Jobs = factory.CreateGauge("jobs_total", "Background jobs by state (all nodes, from the job store).", new GaugeConfiguration { LabelNames = ["state"] });
    }

    public CollectorRegistry Registry { get; }
    public Histogram HttpRequestDuration { get; }
    public Counter HttpRequests { get; }
    public Histogram DatabaseQueryDuration { get; }
    public Gauge ActiveUsers { get; }
    public Gauge Tenants { get; }
    public Gauge Jobs { get; }
}
