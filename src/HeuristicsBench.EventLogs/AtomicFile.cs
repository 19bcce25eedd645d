namespace HeuristicsBench.EventLogs;

/// <summary>
/// Writes a file so that readers see either the old content or the complete new one: the content goes to
/// a temporary file beside the target and is moved over it only when writing succeeded. A target that
/// exists but is not a regular file (a device such as /dev/null, a FIFO) is written directly instead —
/// replacing it would destroy it (see <see cref="IsSpecialFile"/>).
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        if (IsSpecialFile(full))
        {
            using var target = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            write(target);
            return;
        }

        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
                File.Delete(temporary);
        }
    }

    /// <summary>
    /// True for a target under /dev or /proc once links are resolved (device nodes, /dev/stdout, /dev/fd/N of a
    /// shell's process substitution). .NET exposes no file type on Unix, so a FIFO made elsewhere is not
    /// recognised and would be replaced.
    /// </summary>
    private static bool IsSpecialFile(string path)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path))
            return false;
        var resolved = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? path;
        return IsSystemPath(path) || IsSystemPath(resolved);
    }

    private static bool IsSystemPath(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
}
