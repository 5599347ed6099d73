using WedTech.App.Features.Identity;

namespace WedTech.App.Features.Tenancy;

/// <summary>The studio's time zone, against which event times say when they are in another zone.</summary>
public sealed class StudioZone(SessionState session)
{
    /// <summary>What a studio starts with, and the zone of most weddings it plans.</summary>
    public const string Default = "Asia/Kolkata";

    public Task<string> GetAsync() => Task.FromResult(session.Me?.TimeZone ?? Default);
}
