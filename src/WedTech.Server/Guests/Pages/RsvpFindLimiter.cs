using System.Threading.RateLimiting;

namespace WedTech.Server.Guests.Pages;

/// <summary>
/// The tries of "find my invitation", strictly limited so that names and numbers cannot be guessed through it: a few per
/// address of a studio, and a bound on the whole studio's, per window. Only lookups count, not visits to the form.
/// </summary>
public sealed class RsvpFindLimiter : IDisposable
{
    public const int TriesPerAddress = 5;
    public const int TriesPerStudio = 300;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly PartitionedRateLimiter<(Guid Studio, string Address)> _limiter = PartitionedRateLimiter.CreateChained(
        PartitionedRateLimiter.Create<(Guid Studio, string Address), string>(key =>
            RateLimitPartition.GetFixedWindowLimiter($"{key.Studio:N}|{key.Address}", _ => Options(TriesPerAddress))),
        PartitionedRateLimiter.Create<(Guid Studio, string Address), Guid>(key => RateLimitPartition.GetFixedWindowLimiter(key.Studio, _ => Options(TriesPerStudio))));

    public bool TryAcquire(Guid studio, HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire((studio, http.Connection.RemoteIpAddress?.ToString() ?? ""));
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private static FixedWindowRateLimiterOptions Options(int permits) => new() { PermitLimit = permits, Window = Window, QueueLimit = 0 };
}
