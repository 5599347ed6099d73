using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using WedTech.Server.Platform.Cli;
using WedTech.Server.Platform.Jobs;

namespace WedTech.Server.Automations;

/// <summary>
/// The operator's <c>automations sweep &lt;studio&gt; [--at &lt;instant&gt;]</c>: one sweep of a studio's rules now (or as of
/// the instant given), as the recurring job runs it, with what it did and how long it took. Safe at any time: a sweep fires
/// each (rule, subject, occurrence) once, whatever else runs at the same moment.
/// </summary>
internal sealed class AutomationCommands(IServiceScopeFactory scopes, TimeProvider time) : IOperatorCommand
{
    public string Name => "automations";

    public Task PrepareAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Command Create()
    {
        var studio = new Argument<string>("studio") { Description = "The studio's subdomain (slug)." };
        var at = new Option<DateTimeOffset?>("--at") { Description = "Sweep as of this instant (ISO 8601) instead of now." };
        var sweep = new Command("sweep", "Run one sweep of a studio's automation rules now and print what it did.") { studio, at };
        sweep.SetAction(async (result, ct) =>
        {
            var slug = result.GetValue(studio)!;
            var when = result.GetValue(at) ?? time.GetUtcNow();
            if (await SweepAsync(slug, when, ct) is not { } done)
            {
                await Console.Error.WriteLineAsync($"No studio “{slug}” is being served now (unknown, being set up, or suspended).");
                return 2;
            }
            var (swept, elapsed) = done;
            var subjects = swept.Done + swept.Skipped + swept.Failed + swept.AlreadyDone;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Swept {slug} as of {when:O}: {swept.Done} done, {swept.Skipped} skipped, {swept.Failed} failed, {swept.AlreadyDone} already done, in {elapsed.TotalSeconds:0.000} s ({subjects / Math.Max(elapsed.TotalSeconds, 0.001):0} subjects/s)."));
            return 0;
        });
        return new Command(Name, "A studio's automation rules.") { sweep };
    }

    /// <summary>One sweep of the studio named <paramref name="slug"/>, in that studio's scope as the job runs it; null when it is not served now.</summary>
    private async Task<(SweepResult Result, TimeSpan Elapsed)?> SweepAsync(string slug, DateTimeOffset when, CancellationToken cancellationToken)
    {
        await using (var lookup = scopes.CreateAsyncScope())
        {
            var tenants = lookup.ServiceProvider.GetRequiredService<IJobTenant>();
            foreach (var id in await tenants.ActiveIdsAsync(cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                if (!string.Equals(await scope.ServiceProvider.GetRequiredService<IJobTenant>().EnterAsync(id, cancellationToken), slug, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var clock = Stopwatch.StartNew();
                var swept = await scope.ServiceProvider.GetRequiredService<AutomationSweep>().RunAsync(when, cancellationToken);
                return (swept, clock.Elapsed);
            }
        }
        return null;
    }
}
