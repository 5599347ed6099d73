namespace WedTech.Server.Payments.Razorpay;

public static class RazorpayServices
{
    /// <summary>
    /// <see cref="IRazorpayClient"/> as a typed HttpClient, configured from <c>Payments:Razorpay</c> (<see cref="RazorpayOptions"/>).
    /// Redirects are not followed: Razorpay's API answers where it is asked, and a redirect is an answer like any other non-2xx.
    /// </summary>
    public static IServiceCollection AddRazorpay(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RazorpayOptions>(configuration.GetSection(RazorpayOptions.Section));
        services.AddHttpClient<IRazorpayClient, RazorpayClient>(http =>
            {
                // RazorpayClient applies RazorpayOptions.Timeout to each call, reading the answer included.
                http.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
                http.MaxResponseContentBufferSize = RazorpayClient.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        return services;
    }
}
