namespace WedTech.App.Features.Rooms;

/// <summary>The Rooms module's API: a wedding's room blocks at hotels, the rooms given to guests, the rooming list.</summary>
public sealed class RoomsApi(ApiClient api)
{
    public static class Routes
    {
        public static string Blocks(Guid weddingId) => $"/api/v1/weddings/{weddingId}/room-blocks";

        public static string AllBlocks(Guid weddingId) => Query.Build(Blocks(weddingId), ("pageSize", "100"));

        public static string Block(Guid weddingId, Guid id) => $"{Blocks(weddingId)}/{id}";

        public static string Rooms(Guid weddingId, Guid blockId) => $"{Block(weddingId, blockId)}/rooms";

        public static string Room(Guid weddingId, Guid id) => $"/api/v1/weddings/{weddingId}/rooms/{id}";

        /// <summary>The rooming list as a file; a plain link downloads it with the browser's session.</summary>
        public static string RoomingList(Guid weddingId, string format) => Query.Build($"/api/v1/weddings/{weddingId}/rooming-list", ("format", format));
    }

    /// <summary>The wedding's blocks (a wedding holds far fewer than a page of them).</summary>
    public Task<Loaded<PagedResponse<RoomBlockResponse>>> BlocksAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<PagedResponse<RoomBlockResponse>>(Routes.AllBlocks(weddingId));

    public Task<Loaded<RoomBlockResponse>> HoldAsync(Guid weddingId, RoomBlockRequest request) =>
        api.PostAsync<RoomBlockRequest, RoomBlockResponse>(Routes.Blocks(weddingId), request);

    public Task<Loaded<RoomBlockResponse>> GiveAsync(Guid weddingId, Guid blockId, RoomAllotmentRequest request) =>
        api.PostAsync<RoomAllotmentRequest, RoomBlockResponse>(Routes.Rooms(weddingId, blockId), request);

    public Task TakeBackAsync(Guid weddingId, Guid roomId) => api.DeleteAsync(Routes.Room(weddingId, roomId), null);

    public Task ReleaseAsync(Guid weddingId, Guid blockId) => api.DeleteAsync(Routes.Block(weddingId, blockId), null);
}
