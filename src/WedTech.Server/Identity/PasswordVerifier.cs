using Microsoft.AspNetCore.Identity;

namespace WedTech.Server.Identity;

/// <summary>
/// Checks a password against a user's hash. With no user (or one without a password yet) it verifies against a
/// stand-in hash made by the same hasher, so it costs the same configured iterations: timing never tells whether
/// an address has an account.
/// </summary>
public sealed class PasswordVerifier(IPasswordHasher<User> hasher)
{
    private readonly Lazy<string> _standIn = new(() => hasher.HashPassword(null!, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>The hash verified when there is no real one (the tests compare its cost with a real hash's).</summary>
    internal string StandInHash => _standIn.Value;

    public PasswordVerificationResult Verify(User? user, string password)
    {
        if (user?.PasswordHash is { } hash)
        {
            return hasher.VerifyHashedPassword(user, hash, password);
        }
        hasher.VerifyHashedPassword(null!, StandInHash, password);
        return PasswordVerificationResult.Failed;
    }
}
