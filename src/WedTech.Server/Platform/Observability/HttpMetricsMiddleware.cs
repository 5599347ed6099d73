using System.Diagnostics;

namespace WedTech.Server.Platform.Observability;

/// <summary>
/// Request count and duration by method, route template (never the raw path, which would carry ids)
/// and status. Runs after routing so the template is known.
/// </summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, AppMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            var status = context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var method = HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsPost(context.Request.Method) || HttpMethods.IsPut(context.Request.Method)
                || HttpMethods.IsDelete(context.Request.Method) || HttpMethods.IsPatch(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                || HttpMethods.IsOptions(context.Request.Method)
                ? context.Request.Method
                : "OTHER"; // invented methods must not mint new series
            metrics.HttpRequestDuration.WithLabels(method, route, status).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
            metrics.HttpRequests.WithLabels(method, route, status).Inc();
        }
    }
}
