using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Platform.Encryption;

/// <summary>Section <c>Encryption</c>.</summary>
public sealed class EncryptionOptions
{
    /// <summary>
    /// 32 random bytes, base64: the key that wraps every studio's data keys. The same on every server node; kept out of the
    /// databases (a copy of a database alone opens nothing). Without it, one is generated into <c>{data}/keys/master.key</c>.
    /// </summary>
    public string? MasterKey { get; set; }
}

/// <summary>
/// The master key of envelope encryption: it never touches the data itself, only wraps and unwraps the studios' data keys
/// (<see cref="StudioKeys"/>). Its id (a hash prefix) is stored with each wrapped key, so a server started with another master
/// key says so instead of failing to decrypt.
/// </summary>
public sealed class MasterKey
{
    public const int Length = 32;
    private readonly byte[] _key;

    public MasterKey(IOptions<EncryptionOptions> options, IOptions<PersistenceOptions> persistence, IHostEnvironment environment, ILogger<MasterKey> logger)
    {
        var configured = options.Value.MasterKey;
        if (string.IsNullOrWhiteSpace(configured))
        {
            var path = Path.Combine(persistence.Value.DataPath(environment), "keys", "master.key");
            configured = KeyFiles.LoadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)));
            if (environment.IsProduction())
            {
                logger.LogWarning("Encryption:MasterKey is not configured: studios' data keys are wrapped by a key generated in {Path}. " +
                    "Set Encryption:MasterKey (the same on every server node, kept apart from the databases' backups) for a production deployment.", path);
            }
        }
        _key = Convert.TryFromBase64String(configured, new byte[Length], out var written) && written == Length
            ? Convert.FromBase64String(configured)
            : throw new InvalidOperationException("Encryption:MasterKey must be 32 bytes, base64.");
        Id = Convert.ToHexString(SHA256.HashData(_key))[..16];
    }

    public string Id { get; }

    /// <summary>The data key sealed for storage; <paramref name="context"/> binds it to where it is kept.</summary>
    public byte[] Wrap(ReadOnlySpan<byte> dataKey, string context) => Sealed.Seal(_key, dataKey, context);

    public byte[] Unwrap(byte[] wrapped, string wrappedBy, string context) => wrappedBy == Id
        ? Sealed.Open(_key, wrapped, context)
        : throw new CryptographicException($"This data key was wrapped by master key {wrappedBy}; this server has {Id}. Configure the master key it was made with.");
}

/// <summary>AES-256-GCM with a random nonce, stored as nonce ‖ tag ‖ ciphertext, and associated data that must match to open.</summary>
public static class Sealed
{
    private const int NonceLength = 12;
    private const int TagLength = 16;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plain, string associated)
    {
        var sealedBytes = new byte[NonceLength + TagLength + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), System.Text.Encoding.UTF8.GetBytes(associated));
        return sealedBytes;
    }

    /// <summary>The plain bytes; a <see cref="CryptographicException"/> when the bytes, the key or the associated data differ from the sealing.</summary>
    public static byte[] Open(byte[] key, byte[] sealedBytes, string associated)
    {
        if (sealedBytes.Length < NonceLength + TagLength)
        {
            throw new CryptographicException("The sealed bytes are too short.");
        }
        var plain = new byte[sealedBytes.Length - NonceLength - TagLength];
        using var aes = new AesGcm(key, TagLength);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), plain,
            System.Text.Encoding.UTF8.GetBytes(associated));
        return plain;
    }
}

public static class EncryptionModule
{
    public static IServiceCollection AddEncryption(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EncryptionOptions>().Bind(configuration.GetSection("Encryption"))
            .Validate(o => string.IsNullOrWhiteSpace(o.MasterKey) || (Convert.TryFromBase64String(o.MasterKey, new byte[MasterKey.Length], out var written) && written == MasterKey.Length),
                "Encryption:MasterKey must be 32 bytes, base64 (e.g. openssl rand -base64 32).")
            .ValidateOnStart();
        services.AddSingleton<MasterKey>();
        services.AddScoped<StudioKeys>();
        return services;
    }
}
