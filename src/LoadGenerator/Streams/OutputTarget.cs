namespace LoadGenerator.Streams;

/// <summary>Checks, before any work, that a file can be created where the user asked for it.</summary>
public static class OutputTarget
{
    /// <summary>A one-line reason why <paramref name="path"/> cannot be written, or null.</summary>
    public static string? Problem(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
            return $"{path}: is a directory";
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } directory && !Directory.Exists(directory))
            return $"{path}: directory {directory} does not exist";
        return null;
    }
}
