using System.Globalization;

namespace WedTech.RealtimeBench;

/// <summary>Command line: <c>--name value</c> pairs; every one has a default.</summary>
internal sealed record Settings(
    Uri BaseUrl, string Tenant, IReadOnlyList<string> Emails, string Password, int Connections, int ConnectConcurrency, int Warmup, int Updates,
    int IntervalMs, int TimeoutSeconds, int IdleSeconds, int ServerPid, int ClockTicks, string? OutDirectory, string Scenario, int Events, int Items, string Fetch)
{
    public static Settings Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);
        int Number(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Settings(
            new Uri(Text("base", "http://127.0.0.1:5092")),
            Text("tenant", "demo"),
            Text("emails", "admin@demo.wedtech.test,planner@demo.wedtech.test,coordinator@demo.wedtech.test,client@demo.wedtech.test").Split(','),
            Text("password", "Demo-Wedding-2026"),
            Number("connections", 1000),
            Number("connect-concurrency", 25),
            Number("warmup", 10),
            Number("updates", 50),
            Number("interval-ms", 100),
            Number("timeout-s", 10),
            Number("idle-s", 10),
            Number("server-pid", 0),
            Number("clock-ticks", 100),
            values.GetValueOrDefault("out"),
            Text("scenario", "wedding"),
            Number("events", 1),
            Number("items", 10),
            Text("fetch", "item"));
    }
}

/// <summary>The server's CPU time and memory, read from /proc (Linux); nothing when no pid is given.</summary>
internal sealed class ServerProcess(int pid, int clockTicks)
{
    public bool Available => pid > 0;

    public readonly record struct Sample(DateTimeOffset At, TimeSpan Cpu, double RssMb, double PeakRssMb);

    public Sample Take()
    {
        if (!Available)
        {
            return new Sample(DateTimeOffset.UtcNow, TimeSpan.Zero, 0, 0);
        }
        // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        var status = File.ReadAllLines($"/proc/{pid}/status");
        return new Sample(DateTimeOffset.UtcNow, TimeSpan.FromSeconds((double)ticks / clockTicks), Kilobytes(status, "VmRSS:") / 1024, Kilobytes(status, "VmHWM:") / 1024);
    }

    /// <summary>CPU used between two samples, in percent of one core.</summary>
    public static double CpuPercent(Sample from, Sample to) => (to.Cpu - from.Cpu).TotalSeconds / (to.At - from.At).TotalSeconds * 100;

    private static double Kilobytes(string[] status, string field) =>
        double.Parse(status.First(l => l.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}
