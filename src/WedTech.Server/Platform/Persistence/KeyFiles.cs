namespace WedTech.Server.Platform.Persistence;

/// <summary>
/// Secrets generated once and kept under the data folder (owner-only where the OS allows it), so a single
/// machine survives restarts with no setup. Several server nodes must share configured secrets instead.
/// </summary>
public static class KeyFiles
{
    /// <summary>The file's text, or <paramref name="create"/>'s, written to it first when the file does not exist yet.</summary>
    public static string LoadOrCreate(string path, Func<string> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = create();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(text);
            return text;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first: use theirs.
            return File.ReadAllText(path).Trim();
        }
    }
}
