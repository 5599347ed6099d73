namespace WedTech.App.Features.Messaging;

/// <summary>The Messaging module's outbox: a wedding's messages, queuing one, and today's SMS and WhatsApp use against the quota.</summary>
public sealed class MessagesApi(ApiClient api)
{
    /// <summary>How many of a wedding's messages the card lists, newest first.</summary>
    public const int ListSize = 20;

    /// <summary>The built-in template that carries a planner's own words: a subject and a text.</summary>
    public const string NoteTemplate = "note";

    public static class Routes
    {
        public const string Messages = "/api/v1/messages";

        /// <summary>The SMS gateway, the daily quotas and today's use (settings:view, which every role that sends has).</summary>
        public const string Settings = "/api/v1/messaging/settings";

        /// <summary>The studio's latest messages, of every wedding and none.</summary>
        public const string Latest = "/api/v1/messages?pageSize=50";

        public static string OfWedding(Guid weddingId, int pageSize) => $"{Messages}?weddingId={weddingId}&pageSize={pageSize}";
    }

    /// <summary>
    /// The wedding's latest messages. Not kept for offline use: they name people and carry their e-mail addresses and
    /// phone numbers, which stay on the server.
    /// </summary>
    public Task<Loaded<PagedResponse<MessageResponse>>> OfWeddingAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<PagedResponse<MessageResponse>>(Routes.OfWedding(weddingId, ListSize), keepCopy: false);

    /// <summary>Queues a message; the same <paramref name="idempotencyKey"/> sent again returns the message already queued.</summary>
    public async Task<MessageResponse> SendAsync(SendMessageRequest request, string idempotencyKey) =>
        (await api.PostOnceAsync<SendMessageRequest, MessageResponse>(Routes.Messages, request, idempotencyKey)).Value!;

    /// <summary>Whether anyone has written to a couple or a wedding's team yet (by e-mail, SMS or WhatsApp), among the latest messages.</summary>
    public async Task<bool> AnyWrittenToAWeddingAsync() =>
        (await api.GetAsync<PagedResponse<MessageResponse>>(Routes.Latest)).Items
            .Any(m => m.WeddingId is not null && m.Channel is MessageChannel.Email or MessageChannel.Sms or MessageChannel.WhatsApp);

    public Task<MessagingSettingsResponse> SettingsAsync() => api.GetAsync<MessagingSettingsResponse>(Routes.Settings);
}
