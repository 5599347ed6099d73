using System.Threading.RateLimiting;

namespace WedTech.Server.Platform.Api;

/// <summary>
/// Rate limits on attempts (sign-in, signup, reset requests): only the requests that try something count. Looking at
/// the page that holds the form costs nothing, so an office of people behind one address who open the sign-in page
/// all day never uses up the attempts its people need.
/// </summary>
public static class AttemptLimits
{
    public static RateLimitPartition<string> PerWindow(HttpContext context, string partitionKey, int permits, TimeSpan window) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter("views")
            : RateLimitPartition.GetFixedWindowLimiter(partitionKey, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
