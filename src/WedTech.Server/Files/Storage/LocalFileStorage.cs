namespace WedTech.Server.Files.Storage;

/// <summary>
/// Files in a folder (by default <c>data/files</c>). A file is written under a temporary name and then
/// renamed, so a reader never sees half a file and a failed write leaves nothing under the key.
/// </summary>
internal sealed class LocalFileStorage(string root) : IFileStorage
{
    private readonly string _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(key), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
        return Task.CompletedTask;
    }

    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            Directory.CreateDirectory(_root);
            var probe = Path.Combine(_root, $".ready-{Guid.NewGuid():N}");
            await File.WriteAllBytesAsync(probe, [1], cancellationToken);
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string key)
    {
        StorageKeys.Validate(key);
        var path = Path.GetFullPath(key, _root);
        // Validate already rules out escapes; this is the last word should the key rules ever loosen.
        return path.StartsWith(_root, StringComparison.Ordinal) ? path : throw new ArgumentException($"'{key}' is outside the storage folder.", nameof(key));
    }
}
