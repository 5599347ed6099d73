using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WedTech.Server.Identity;
using WedTech.Server.Platform.Persistence;
using WedTech.Tests.Infrastructure;

namespace WedTech.Tests;

public sealed class SigningKeyTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "wedtech-key-tests", Guid.NewGuid().ToString("N"));

    private SigningKey Create(string environment, string? configured, LogCapture logs) => new(
        Options.Create(new AuthOptions { SigningKey = configured }),
        Options.Create(new PersistenceOptions { DataDirectory = _data }),
        new Environment(environment),
        new Logger<SigningKey>(new SingleLoggerFactory(logs)));

    [Fact]
    public void Without_a_configured_key_one_is_generated_once_kept_private_and_reused_after_a_restart()
    {
        var logs = new LogCapture();
        var first = Create(Environments.Development, null, logs);
        var second = Create(Environments.Development, null, logs);
        Assert.Equal(first.Key.Key, second.Key.Key);
        Assert.True(first.Key.Key.Length >= 32);
        var path = Path.Combine(_data, "keys", "jwt-signing.key");
        Assert.Equal(path, first.Source);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal));
    }

    [Fact]
    public void A_production_start_without_a_configured_key_says_so()
    {
        var logs = new LogCapture();
        Create(Environments.Production, null, logs);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Auth:SigningKey is not configured", StringComparison.Ordinal));
    }

    [Fact]
    public void A_configured_key_is_used_and_a_short_one_refused()
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var key = Create(Environments.Production, Convert.ToBase64String(bytes), new LogCapture());
        Assert.Equal(bytes, key.Key.Key);
        Assert.Equal("configuration", key.Source);
        Assert.False(Directory.Exists(Path.Combine(_data, "keys")));
        Assert.Throws<InvalidOperationException>(() => Create(Environments.Production, Convert.ToBase64String(new byte[16]), new LogCapture()));
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "WedTech.Server";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class SingleLoggerFactory(ILoggerProvider provider) : ILoggerFactory
    {
        public ILogger CreateLogger(string categoryName) => provider.CreateLogger(categoryName);
        public void AddProvider(ILoggerProvider provider) { }
        public void Dispose() { }
    }
}
