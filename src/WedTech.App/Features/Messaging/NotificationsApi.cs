namespace WedTech.App.Features.Messaging;

/// <summary>The Messaging module's API: the person's notifications in the app and Web Push subscriptions.</summary>
public sealed class NotificationsApi(ApiClient api)
{
    public static class Routes
    {
        public const string Unread = "/api/v1/notifications?unread=true&pageSize=1";

        public const string Latest = "/api/v1/notifications?pageSize=10";

        public const string ReadAll = "/api/v1/notifications/read";

        public const string PushPublicKey = "/api/v1/push/public-key";

        public const string PushSubscriptions = "/api/v1/push/subscriptions";

        public static string Read(Guid notificationId) => $"/api/v1/notifications/{notificationId}/read";

        public static string PushSubscription(string endpoint) => $"{PushSubscriptions}?endpoint={Uri.EscapeDataString(endpoint)}";
    }

    public async Task<int> UnreadCountAsync() => (await api.GetAsync<PagedResponse<NotificationResponse>>(Routes.Unread)).TotalCount;

    public Task<PagedResponse<NotificationResponse>> LatestAsync() => api.GetAsync<PagedResponse<NotificationResponse>>(Routes.Latest);

    public Task MarkReadAsync(Guid notificationId) => api.PostAsync(Routes.Read(notificationId));

    public Task MarkAllReadAsync() => api.PostAsync(Routes.ReadAll);

    public Task<PushPublicKeyResponse> PushPublicKeyAsync() => api.GetAsync<PushPublicKeyResponse>(Routes.PushPublicKey);

    public Task SubscribeAsync(PushSubscriptionRequest subscription) =>
        api.PostAsync<PushSubscriptionRequest, PushSubscriptionResponse>(Routes.PushSubscriptions, subscription);

    public Task UnsubscribeAsync(string endpoint) => api.DeleteAsync(Routes.PushSubscription(endpoint), ifMatch: null);
}
