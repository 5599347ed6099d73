using WedTech.Contracts;

namespace WedTech.App.Services;

/// <summary>
/// The studio's time zone, against which event times say when they are in another zone. Those who may see the
/// settings get the studio's own; others the zone studios have by default.
/// </summary>
public sealed class StudioZone(ApiClient api, SessionState session)
{
    /// <summary>What a studio starts with, and the zone of most weddings it plans.</summary>
    public const string Default = "Asia/Kolkata";

    private string? _zone;

    public async Task<string> GetAsync()
    {
        if (_zone is not null)
        {
            return _zone;
        }
        if (session.Can(Permissions.SettingsView))
        {
            try
            {
                return _zone = (await api.GetWithOfflineCopyAsync<TenantSettingsResponse>("/api/v1/settings")).Value!.TimeZone;
            }
            catch (ApiProblemException)
            {
                return Default;
            }
        }
        return _zone = Default;
    }
}
