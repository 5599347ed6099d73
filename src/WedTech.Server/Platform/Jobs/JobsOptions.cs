namespace WedTech.Server.Platform.Jobs;

/// <summary>What this server node does: serve HTTP (web), run background jobs (worker), or both.</summary>
[Flags]
public enum ServerRole { Web = 1, Worker = 2, All = Web | Worker }

public sealed class JobsOptions
{
    /// <summary>`Web`, `Worker` or `All` (default): workers can be scaled apart from web nodes.</summary>
    public ServerRole Role { get; set; } = ServerRole.All;

    /// <summary>Concurrent jobs on a worker node.</summary>
    public int WorkerCount { get; set; } = Math.Max(4, Environment.ProcessorCount * 2);

    /// <summary>Attempts before a job is left in the Failed state (shown on the dashboard and in /metrics).</summary>
    public int RetryAttempts { get; set; } = 8;

    /// <summary>Waits before each retry, the last one repeating; empty means 10 s, 30 s, 1 min, 5 min, 15 min, 30 min, 1 h, 2 h.</summary>
    // Not initialised here: configuration binding appends to an array's existing items.
    public int[]? RetryDelaysInSeconds { get; set; }

    /// <summary>How often an idle worker looks for new jobs (SQLite and PostgreSQL storage poll).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A job fetched by a worker that died is handed to another worker after this long. Keep it above
    /// the longest job (reports); lower it in tests.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>When the studios' daily duties are queued (<see cref="IDailyDuty"/>), a cron expression in UTC: by default 03:00 in India.</summary>
    public string DailyDutiesCron { get; set; } = "30 21 * * *";

    /// <summary>The operators' dashboard; off unless a user name and password are configured.</summary>
    public DashboardOptions Dashboard { get; set; } = new();

    public sealed class DashboardOptions
    {
        public string Path { get; set; } = "/operator/jobs";
        public string? Username { get; set; }
        public string? Password { get; set; }

        public bool Enabled => !string.IsNullOrEmpty(Username) && !string.IsNullOrEmpty(Password);
    }
}
