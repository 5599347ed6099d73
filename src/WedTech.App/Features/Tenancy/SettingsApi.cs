namespace WedTech.App.Features.Tenancy;

/// <summary>The Tenancy module's API: the studio's settings.</summary>
public sealed class SettingsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Settings = "/api/v1/settings";
    }

    public Task<Loaded<TenantSettingsResponse>> GetAsync() => api.GetWithOfflineCopyAsync<TenantSettingsResponse>(Routes.Settings);

    public Task<Loaded<TenantSettingsResponse>> UpdateAsync(UpdateTenantSettingsRequest request, string? ifMatch) =>
        api.PutAsync<UpdateTenantSettingsRequest, TenantSettingsResponse>(Routes.Settings, request, ifMatch);
}
