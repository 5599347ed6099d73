namespace WedTech.Tests.Infrastructure;

/// <summary>
/// A studio signed up once for all the tests of a class (a class fixture; xUnit runs a class's tests one after another), for
/// tests that each add the people and records they use: a sign-up per test costs seconds on PostgreSQL (a database and every
/// migration).
/// </summary>
public sealed class SharedStudio
{
    private readonly Lock _lock = new();
    private Task<Studio>? _studio;

    public Task<Studio> OnAsync(IServerUnderTest server)
    {
        lock (_lock)
        {
            return _studio ??= Studio.CreateAsync(server);
        }
    }
}
