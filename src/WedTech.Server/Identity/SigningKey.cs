using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using WedTech.Server.Platform.Persistence;

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
            bytes = LoadOrCreate(path);
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

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(64);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(bytes));
            return bytes;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
