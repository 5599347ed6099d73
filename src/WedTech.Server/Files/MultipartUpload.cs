using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace WedTech.Server.Files;

/// <summary>
/// Reads a multipart/form-data upload part by part, straight from the request body: nothing is buffered
/// before the file service counts and checks the bytes.
/// </summary>
internal sealed class MultipartUpload
{
    private readonly MultipartReader _reader;

    private MultipartUpload(MultipartReader reader, MultipartSection file, string fileName, string? contentType)
    {
        _reader = reader;
        File = file;
        FileName = fileName;
        ContentType = contentType;
    }

    public MultipartSection File { get; }
    public string FileName { get; }

    /// <summary>The part's Content-Type: what the uploader claims the file is.</summary>
    public string? ContentType { get; }

    /// <summary>Reads up to the first file part (other form fields before it are skipped).</summary>
    public static async Task<MultipartUpload> StartAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new ApiException(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the file as multipart/form-data.");
        }
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
        {
            throw Malformed();
        }
        var reader = new MultipartReader(boundary, request.Body);
        while (await NextAsync(reader, cancellationToken) is { } section)
        {
            if (FileNameOf(section) is { } fileName)
            {
                return new MultipartUpload(reader, section, fileName, section.ContentType);
            }
        }
        throw new ValidationFailedException("file", "Attach one file.");
    }

    /// <summary>After the file has been read: refuses a request carrying a second file, so that nothing is stored by half.</summary>
    public async Task EnsureNoOtherFileAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(_reader, cancellationToken) is { } section)
        {
            if (FileNameOf(section) is not null)
            {
                throw new ValidationFailedException("file", "Send one file per request.");
            }
        }
    }

    /// <summary>Malformed or truncated multipart content is the client's error, whichever way the reader reports it.</summary>
    public static async Task<T> GuardAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (Exception e) when (e is InvalidDataException || e is IOException and not BadHttpRequestException)
        {
            throw Malformed();
        }
    }

    private static Task<MultipartSection?> NextAsync(MultipartReader reader, CancellationToken cancellationToken) =>
        GuardAsync(() => reader.ReadNextSectionAsync(cancellationToken));

    private static string? FileNameOf(MultipartSection section) =>
        ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition()
            ? (StringSegment.IsNullOrEmpty(disposition.FileNameStar) ? HeaderUtilities.RemoveQuotes(disposition.FileName) : disposition.FileNameStar).Value ?? ""
            : null;

    private static ApiException Malformed() => new(StatusCodes.Status400BadRequest, "Bad request", "The upload is not complete, valid multipart/form-data.");
}
