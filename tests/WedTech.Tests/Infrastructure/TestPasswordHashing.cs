using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace WedTech.Tests.Infrastructure;

/// <summary>
/// The test servers hash passwords with the same PBKDF2-HMAC-SHA512 as production at a small work factor: every test signs a
/// studio up and signs in, and production's 210,000 iterations cost about a fifth of a CPU-second a hash, a large share of the
/// suite on two cores. AuthTests checks production's own registration keeps 210,000.
/// </summary>
public static class TestPasswordHashing
{
    public const int Iterations = 1_000;

    public static void Apply(IServiceCollection services) => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = Iterations);
}
