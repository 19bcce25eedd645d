using System.Runtime.InteropServices;

namespace ChaosRunner.Run.Processes;

/// <summary>POSIX signals to child processes (.NET's Process can only SIGKILL).</summary>
internal static partial class Signals
{
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);

    public static void Terminate(int pid) => Send(pid, SigTerm);

    /// <summary>Whether a process with this id exists (signal 0: no signal, only the check).</summary>
    public static bool IsAlive(int pid) => Kill(pid, 0) == 0 && !IsZombie(pid);

    /// <summary>The process's start time (clock ticks since boot, field 22 of /proc/PID/stat); null when unreadable.</summary>
    public static string? StartTime(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var close = stat.LastIndexOf(')');
            return close > 0 && close + 2 < stat.Length && stat[close + 2] == 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0 && Marshal.GetLastPInvokeError() != 3)
            throw new InvalidOperationException($"cannot send signal {signal} to pid {pid}: errno {Marshal.GetLastPInvokeError()}");
    }
}
