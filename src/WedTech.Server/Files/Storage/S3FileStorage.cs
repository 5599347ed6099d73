using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace WedTech.Server.Files.Storage;

/// <summary>
/// Files in an S3-compatible bucket: AWS S3, Cloudflare R2, MinIO. Keys carry the configured prefix
/// (so environments can share a bucket) before the tenant's <c>tenants/{id}/</c>.
/// </summary>
internal sealed class S3FileStorage : IFileStorage, IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(5);
    private readonly AmazonS3Client _client;
    private readonly string _bucket;
    private readonly string _prefix;

    public S3FileStorage(S3StorageOptions options)
    {
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.ForcePathStyle,
            // The SDK's default adds checksums that need aws-chunked uploads and checksum headers on answers;
            // only AWS itself supports both, and R2, MinIO and others differ. Ask for them only where S3 requires them.
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        };
        if (string.IsNullOrWhiteSpace(options.ServiceUrl))
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(options.Region);
        }
        else
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region;
        }
        _client = string.IsNullOrEmpty(options.AccessKey)
            ? new AmazonS3Client(config) // the SDK's own credential chain: environment, profile, instance role
            : new AmazonS3Client(new BasicAWSCredentials(options.AccessKey, options.SecretKey), config);
        _bucket = options.Bucket!;
        _prefix = options.KeyPrefix;
    }

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        // A signed upload without aws-chunked framing reads the body twice (hash, then send): it needs a seekable stream.
        await using var buffered = content.CanSeek ? null : await BufferAsync(content, cancellationToken);
        var body = buffered ?? content;
        await _client.PutObjectAsync(new PutObjectRequest
        {
            BucketName = _bucket,
            Key = _prefix + key,
            InputStream = body,
            ContentType = contentType,
            AutoCloseStream = false,
            // Servers other than AWS (s3rver, some MinIO and R2 setups) store aws-chunked framing inside the object.
            UseChunkEncoding = false,
        }, cancellationToken);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        try
        {
            var response = await _client.GetObjectAsync(_bucket, _prefix + key, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        StorageKeys.Validate(key);
        return _client.DeleteObjectAsync(_bucket, _prefix + key, cancellationToken);
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ReadyTimeout);
        try
        {
            await _client.HeadBucketAsync(new HeadBucketRequest { BucketName = _bucket }, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or HttpRequestException
            || e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();

    private static async Task<FileStream> BufferAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = TemporaryFile.Create();
        try
        {
            await content.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }
}
