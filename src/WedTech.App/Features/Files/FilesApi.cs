namespace WedTech.App.Features.Files;

/// <summary>The Files module's API: a wedding's attachments.</summary>
public sealed class FilesApi(ApiClient api)
{
    public static class Routes
    {
        public static string OfWedding(Guid weddingId) => $"/api/v1/files?ownerType={FileOwnerTypes.Wedding}&ownerId={weddingId}";

        public static string ListOfWedding(Guid weddingId) => $"{OfWedding(weddingId)}&pageSize=100";

        public static string One(Guid fileId) => $"/api/v1/files/{fileId}";

        /// <summary>The file's bytes, downloaded through the API's permission check (a plain link carries the session cookie).</summary>
        public static string Content(Guid fileId) => $"/api/v1/files/{fileId}/content";
    }

    public Task<Loaded<PagedResponse<FileResponse>>> ListOfWeddingAsync(Guid weddingId) =>
        api.GetWithOfflineCopyAsync<PagedResponse<FileResponse>>(Routes.ListOfWedding(weddingId));

    public Task<Loaded<FileResponse>> UploadToWeddingAsync(Guid weddingId, Stream content, string fileName, string? contentType) =>
        api.PostFileAsync<FileResponse>(Routes.OfWedding(weddingId), content, fileName, contentType);

    public Task DeleteAsync(Guid fileId) => api.DeleteAsync(Routes.One(fileId), ifMatch: null);
}
