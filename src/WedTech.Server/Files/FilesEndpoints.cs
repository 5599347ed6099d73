using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace WedTech.Server.Files;

public static class FilesEndpoints
{
    public static readonly ApiTag Tag = new("Files", "Files attached to records: upload, list, download and signed links.");

    /// <summary>
    /// Room around one file of the largest size for the multipart framing and small form fields, and for
    /// Kestrel, which counts a chunked body as it buffers it (up to 1 MB ahead of the reader): a file just
    /// over the limit is refused by the file service, which says what the limit is.
    /// </summary>
    private const long MultipartOverheadBytes = 1024 * 1024;

    public static RouteGroupBuilder MapFiles(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/files").WithApiTag(Tag);
        var maxFileBytes = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<IOptions<FileStorageOptions>>().Value.MaxFileBytes;

        files.MapPost("/", async Task<Created<FileResponse>> (string? ownerType, Guid? ownerId, HttpRequest request, FileService service, CancellationToken ct) =>
        {
            var owner = ownerId ?? throw new ValidationFailedException("ownerId", "Give the id of the record to attach the file to.");
            await service.RequireVisibleOwnerAsync(ownerType, owner, ct);
            var upload = await MultipartUpload.StartAsync(request, ct);
            await using var spooled = await MultipartUpload.GuardAsync(() => service.SpoolAsync(upload.File.Body, ct));
            await upload.EnsureNoOtherFileAsync(ct);
            var file = await service.SaveAsync(ownerType!, owner, upload.FileName, upload.ContentType, spooled, ct);
            return TypedResults.Created($"/api/v1/files/{file.Id}", FileService.ToResponse(file));
        }).RequireAuthorization(Permissions.FileUpload)
            .WithMetadata(new UploadSizeLimit(maxFileBytes + MultipartOverheadBytes))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Upload a file").WithDescription(
                $"Attach one file (multipart/form-data) to a record the caller may see, e.g. ?ownerType=wedding&ownerId=…. At most {FileService.DescribeSize(maxFileBytes)}; " +
                $"{FileTypes.Allowed}, detected from the content: a different claimed Content-Type or file extension is refused with 415.");

        files.MapGet("/", ([AsParameters] FileListQuery query, FileService service, CancellationToken ct) =>
            service.ListAsync(query.ownerType, query.ownerId!.Value, query.ToPaging(), ct)).RequireAuthorization().WithSummary("List a record's files").WithDescription("The files of a record the caller may see, newest first.");

        files.MapGet("/{id:guid}", async (Guid id, FileService service, CancellationToken ct) => TypedResults.Ok(FileService.ToResponse(await service.GetAsync(id, ct))))
            .RequireAuthorization().WithSummary("Get a file's details");

        files.MapGet("/{id:guid}/content", async (Guid id, FileService service, HttpContext http, CancellationToken ct) => Download(http, await service.OpenAsync(id, ct)))
            .RequireAuthorization().WithSummary("Download a file").WithDescription("Always as an attachment, with the type detected at upload.");

        files.MapDelete("/{id:guid}", async Task<NoContent> (Guid id, FileService service, CancellationToken ct) =>
        {
            await service.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Permissions.FileDelete).WithSummary("Delete a file");

        files.MapPost("/{id:guid}/link", async (Guid id, FileService service, CancellationToken ct) => TypedResults.Ok(await service.CreateLinkAsync(id, ct)))
            .RequireAuthorization().WithSummary("Make a download link")
            .WithDescription("A link that downloads the file without signing in, for a few minutes; for handing to a browser or another app.");

        files.MapGet("/signed/{token}", async (string token, FileService service, HttpContext http, CancellationToken ct) => Download(http, await service.OpenSignedAsync(token, ct)))
            .AllowAnonymous().WithSummary("Download through a signed link").WithDescription("404 when the link is not genuine or not this studio's, 410 once it has expired.");

        return api;
    }

    /// <summary>
    /// Uploaded content is never rendered by the browser: always an attachment, its type never sniffed, and
    /// should it be opened in place anyway, sandboxed with nothing allowed.
    /// </summary>
    private static FileStreamHttpResult Download(HttpContext http, FileDownload download)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        headers.CacheControl = "private, no-store";
        http.Response.ContentLength = download.File.Size;
        return TypedResults.Stream(download.Content, download.File.ContentType, download.File.FileName);
    }

    /// <summary>Applied by routing to the server's body limit, and by <c>RequestSizeGuard</c> to a declared length.</summary>
    private sealed record UploadSizeLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}

/// <summary>The query string of a record's files.</summary>
public sealed record FileListQuery(string? ownerType, [property: Required(ErrorMessage = "Give the id of the record whose files to list.")] Guid? ownerId,
    int? page, int? pageSize) : PageQuery(page, pageSize);
