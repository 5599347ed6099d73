using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WedTech.Server.Files.Storage;
using WedTech.Server.Tenancy;

namespace WedTech.Server.Files;

public static class FilesModule
{
    public static IServiceCollection AddFiles(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FileStorageOptions>().Bind(configuration.GetSection(FileStorageOptions.Section))
            .Validate(o => o.MaxFileBytes > 0, "Files:MaxFileBytes must be positive.")
            .Validate(o => o.SignedLinkMinutes is > 0 and <= 60 * 24, "Files:SignedLinkMinutes must be between 1 and 1440.")
            .Validate(o => o.Provider != FileStorageProvider.S3 || !string.IsNullOrWhiteSpace(o.S3.Bucket), "Files:S3:Bucket is required for the S3 provider.")
            .Validate(o => string.IsNullOrEmpty(o.S3.AccessKey) == string.IsNullOrEmpty(o.S3.SecretKey), "Give both Files:S3:AccessKey and Files:S3:SecretKey, or neither.")
            .Validate(o => o.S3.KeyPrefix.Length == 0 || o.S3.KeyPrefix.EndsWith('/'), "Files:S3:KeyPrefix must end with '/'.")
            .ValidateOnStart();
        services.AddSingleton<IFileStorage>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<FileStorageOptions>>().Value;
            return options.Provider switch
            {
                FileStorageProvider.S3 => new S3FileStorage(options.S3),
                _ => new LocalFileStorage(Path.GetFullPath(options.LocalDirectory,
                    sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.DataPath(sp.GetRequiredService<IHostEnvironment>()))),
            };
        });
        services.AddSingleton<SignedFileLinks>();
        services.AddScoped<FileService>();
        services.AddSingleton<ITenantRemoval, StoredFileRemoval>();
        services.AddHealthChecks().AddCheck<FileStorageHealthCheck>("file-storage", tags: ["ready"]);
        return services;
    }

    private sealed class FileStorageHealthCheck(IFileStorage storage) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            await storage.IsReachableAsync(cancellationToken) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("file storage unreachable");
    }
}
