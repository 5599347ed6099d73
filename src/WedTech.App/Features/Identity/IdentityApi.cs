namespace WedTech.App.Features.Identity;

/// <summary>The Identity module's API: who is signed in, the session, and the studio's people.</summary>
public sealed class IdentityApi(ApiClient api)
{
    public static class Routes
    {
        public const string Me = "/api/v1/me";

        public const string Logout = "/api/v1/auth/session/logout";

        /// <summary>The studio's people (the Team page, and whom a wedding's team is chosen from).</summary>
        public const string Users = "/api/v1/users?pageSize=100";

        public const string Invitations = "/api/v1/users/invitations";

        public static string Role(Guid userId) => $"/api/v1/users/{userId}/role";

        public static string Disable(Guid userId) => $"/api/v1/users/{userId}/disable";

        public static string Enable(Guid userId) => $"/api/v1/users/{userId}/enable";
    }

    public Task<MeResponse> MeAsync() => api.GetAsync<MeResponse>(Routes.Me);

    public Task LogoutAsync() => api.PostAsync(Routes.Logout);

    public Task<Loaded<PagedResponse<UserResponse>>> UsersAsync() => api.GetWithOfflineCopyAsync<PagedResponse<UserResponse>>(Routes.Users);

    public async Task<UserResponse> InviteAsync(InviteUserRequest request) => (await api.PostAsync<InviteUserRequest, UserResponse>(Routes.Invitations, request)).Value!;

    public Task ChangeRoleAsync(Guid userId, Role role) => api.PutAsync<ChangeRoleRequest, UserResponse>(Routes.Role(userId), new ChangeRoleRequest(role), ifMatch: null);

    public Task SetDisabledAsync(Guid userId, bool disabled) => api.PostAsync(disabled ? Routes.Disable(userId) : Routes.Enable(userId));
}
