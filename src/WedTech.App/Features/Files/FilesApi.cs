namespace WedTech.App.Features.Files;

/// <summary>The Files module's API: the files attached to a wedding, a vendor (rate cards) or a booking (the contract).</summary>
public sealed class FilesApi(ApiClient api)
{
    /// <summary>The owners a file is attached to, as the files API names them.</summary>
    public static class Owners
    {
        public const string Wedding = FileOwnerTypes.Wedding;

        /// <summary>A vendor of the vendor book: its rate cards.</summary>
        public const string Vendor = FileOwnerTypes.Vendor;

        /// <summary>A vendor's booking for a wedding: its contract.</summary>
        public const string Booking = FileOwnerTypes.Booking;
    }

    public static class Routes
    {
        public static string Of(string ownerType, Guid ownerId) => $"/api/v1/files?ownerType={ownerType}&ownerId={ownerId}";

        public static string ListOf(string ownerType, Guid ownerId) => $"{Of(ownerType, ownerId)}&pageSize=100";

        public static string OfWedding(Guid weddingId) => Of(Owners.Wedding, weddingId);

        public static string ListOfWedding(Guid weddingId) => ListOf(Owners.Wedding, weddingId);

        public static string One(Guid fileId) => $"/api/v1/files/{fileId}";

        /// <summary>The file's bytes, downloaded through the API's permission check (a plain link carries the session cookie).</summary>
        public static string Content(Guid fileId) => $"/api/v1/files/{fileId}/content";
    }

    public Task<Loaded<PagedResponse<FileResponse>>> ListOfWeddingAsync(Guid weddingId) => ListOfAsync(Owners.Wedding, weddingId);

    public Task<Loaded<FileResponse>> UploadToWeddingAsync(Guid weddingId, Stream content, string fileName, string? contentType) =>
        UploadToAsync(Owners.Wedding, weddingId, content, fileName, contentType);

    public Task<Loaded<PagedResponse<FileResponse>>> ListOfAsync(string ownerType, Guid ownerId) =>
        api.GetWithOfflineCopyAsync<PagedResponse<FileResponse>>(Routes.ListOf(ownerType, ownerId));

    public Task<Loaded<FileResponse>> UploadToAsync(string ownerType, Guid ownerId, Stream content, string fileName, string? contentType) =>
        api.PostFileAsync<FileResponse>(Routes.Of(ownerType, ownerId), content, fileName, contentType);

    public Task DeleteAsync(Guid fileId) => api.DeleteAsync(Routes.One(fileId), ifMatch: null);
}
