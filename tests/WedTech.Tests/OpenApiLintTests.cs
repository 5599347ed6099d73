using System.Diagnostics;
using System.Text.Json.Nodes;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

/// <summary>
/// The OpenAPI document is what API clients generate code from: it lints clean (no error, no warning) with Redocly's
/// recommended rules and the repository's redocly.yaml. Needs npx (Node.js); skipped without it, failed under
/// WEDTECH_REQUIRE_ALL=1 (CI).
/// </summary>
public abstract class OpenApiLintTests(TestServer server) : ProviderTests(server)
{
    /// <summary>Pinned, so that a new release's rules change the verdict only when someone raises this.</summary>
    private const string RedoclyCli = "@redocly/cli@2.77.0";

    [Fact]
    public async Task The_openapi_document_lints_clean_with_redoclys_recommended_rules()
    {
        var npx = ExternalServers.Require(FindOnPath("npx"), "npx (Node.js), to run the Redocly CLI");
        using var client = AnonymousClient();
        // The document names the server it was fetched from: as a deployed one is, by its host name rather than the test host's localhost.
        client.DefaultRequestHeaders.Host = "api.wedtech.test";
        var document = Path.Combine(Path.GetTempPath(), $"wedtech-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync("/openapi/v1.json", Cancel), Cancel);
        try
        {
            var root = PublishTests.RepositoryRoot();
            using var lint = Process.Start(new ProcessStartInfo(npx,
                ["-y", RedoclyCli, "lint", document, "--config", Path.Combine(root, "redocly.yaml"), "--format", "json", "--max-problems", "10000"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = lint.StandardOutput.ReadToEndAsync(Cancel);
            var errors = lint.StandardError.ReadToEndAsync(Cancel);
            await lint.WaitForExitAsync(Cancel);
            var report = await output;
            var totals = TryParse(report)?["totals"];
            Assert.True(totals is not null, $"The Redocly lint gave no report (exit code {lint.ExitCode}):\n{report}\n{await errors}");
            var problems = TryParse(report)!["problems"]!.AsArray().Select(p =>
                $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}");
            Assert.True((int)totals["errors"]! == 0 && (int)totals["warnings"]! == 0,
                $"The OpenAPI document has {totals["errors"]} errors and {totals["warnings"]} warnings (npx {RedoclyCli} lint):\n" + string.Join('\n', problems));
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program)).FirstOrDefault(File.Exists);
}

public sealed class OpenApiLintTestsOnSqlite(SqliteServer server) : OpenApiLintTests(server);

public sealed class OpenApiLintTestsOnPostgres(PostgresServer server) : OpenApiLintTests(server);
