using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace WedTech.Server.Identity;

/// <summary>
/// The key that signs access tokens: from configuration, or generated once into
/// <c>{data}/keys/jwt-signing.key</c> so a single machine survives restarts with no setup.
/// </summary>
public sealed class SigningKey
{
    public SigningKey(IOptions<AuthOptions> auth, IOptions<PersistenceOptions> persistence, IHostEnvironment environment, ILogger<SigningKey> logger)
    {
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(auth.Value.SigningKey))
        {
            bytes = Convert.FromBase64String(auth.Value.SigningKey);
            Source = "configuration";
        }
        else
        {
            var path = Path.Combine(persistence.Value.DataPath(environment), "keys", "jwt-signing.key");
            bytes = Convert.FromBase64String(KeyFiles.LoadOrCreate(path, () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64))));
            Source = path;
            if (environment.IsProduction())
            {
                logger.LogWarning(
                    "Auth:SigningKey is not configured: access tokens are signed with a key generated in {Path}. " +
                    "Set Auth:SigningKey (the same on every server node) for a production deployment.", path);
            }
        }
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes (base64).");
        }
        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    public string Source { get; }
}
