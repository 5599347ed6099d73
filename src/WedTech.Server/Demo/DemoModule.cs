using WedTech.Server.Platform;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Demo;

/// <summary>
/// The demo studio for local runs (Demo:Seed) and the benchmark's floor endpoint. It seeds through every module's
/// tables, so it sits above all of them and nothing depends on it.
/// </summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddSingleton<DemoTenant>()
        .AddSingleton<IStartupTask, DemoOnStartup>();

    private sealed class DemoOnStartup(DemoTenant demo, StudioAddresses addresses, IConfiguration configuration) : IStartupTask
    {
        private bool Seeds => configuration.GetValue<bool>("Demo:Seed");

        public Task RunAsync(CancellationToken cancellationToken) => Seeds ? demo.EnsureAsync(cancellationToken) : Task.CompletedTask;

        public IEnumerable<string> BannerLines() => !Seeds ? [] :
        [
            $"  Demo studio: {addresses.For(DemoTenant.Slug)}   (API clients: header X-Tenant: {DemoTenant.Slug})",
            .. DemoTenant.People.Select(p => $"    {p.Role,-12} {p.Email,-32} password {DemoTenant.Password}"),
        ];
    }
}
