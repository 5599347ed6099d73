namespace WedTech.Server.Files.Storage;

internal static class TemporaryFile
{
    /// <summary>A private scratch file in the system's temporary folder, removed when the stream is closed.</summary>
    public static FileStream Create() => new(
        Path.Combine(Path.GetTempPath(), $"wedtech-{Guid.NewGuid():N}.tmp"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
        FileOptions.Asynchronous | FileOptions.DeleteOnClose);
}
