namespace WedTech.App.Features.Seating;

/// <summary>The Seating module's API: an event's tables, who sits where, the pairs kept apart, the arrangement and the printouts.</summary>
public sealed class SeatingApi(ApiClient api)
{
    public static class Routes
    {
        public static string Seating(Guid weddingId, Guid eventId) => $"/api/v1/weddings/{weddingId}/events/{eventId}/seating";

        public static string Tables(Guid weddingId, Guid eventId) => $"{Seating(weddingId, eventId)}/tables";

        public static string Table(Guid weddingId, Guid eventId, Guid tableId) => $"{Tables(weddingId, eventId)}/{tableId}";

        public static string Moves(Guid weddingId, Guid eventId) => $"{Seating(weddingId, eventId)}/moves";

        public static string Arrange(Guid weddingId, Guid eventId) => $"{Seating(weddingId, eventId)}/arrange";

        /// <summary>A printout as a PDF; a plain link downloads it with the browser's session.</summary>
        public static string Print(Guid weddingId, Guid eventId, SeatingPrint kind) =>
            Query.Build($"{Seating(weddingId, eventId)}/print", ("kind", ApiJson.EnumName(kind)));
    }

    public Task<Loaded<SeatingResponse>> GetAsync(Guid weddingId, Guid eventId) => api.GetWithOfflineCopyAsync<SeatingResponse>(Routes.Seating(weddingId, eventId));

    public Task<Loaded<SeatingResponse>> SavePlanAsync(Guid weddingId, Guid eventId, SeatingPlanRequest request, string? ifMatch) =>
        api.PutAsync<SeatingPlanRequest, SeatingResponse>(Routes.Seating(weddingId, eventId), request, ifMatch);

    public Task<Loaded<SeatingResponse>> MoveAsync(Guid weddingId, Guid eventId, SeatingMovesRequest request, string? ifMatch) =>
        api.PostAsync<SeatingMovesRequest, SeatingResponse>(Routes.Moves(weddingId, eventId), request, ifMatch);

    public Task<Loaded<ArrangeResponse>> ArrangeAsync(Guid weddingId, Guid eventId, ArrangeRequest request, string? ifMatch) =>
        api.PostAsync<ArrangeRequest, ArrangeResponse>(Routes.Arrange(weddingId, eventId), request, ifMatch);

    public Task<Loaded<SeatingTableResponse>> AddTableAsync(Guid weddingId, Guid eventId, SeatingTableRequest request) =>
        api.PostAsync<SeatingTableRequest, SeatingTableResponse>(Routes.Tables(weddingId, eventId), request);

    public Task<Loaded<SeatingTableResponse>> UpdateTableAsync(Guid weddingId, Guid eventId, Guid tableId, SeatingTableRequest request, string? ifMatch) =>
        api.PutAsync<SeatingTableRequest, SeatingTableResponse>(Routes.Table(weddingId, eventId, tableId), request, ifMatch);

    public Task DeleteTableAsync(Guid weddingId, Guid eventId, Guid tableId, string? ifMatch) => api.DeleteAsync(Routes.Table(weddingId, eventId, tableId), ifMatch);
}
