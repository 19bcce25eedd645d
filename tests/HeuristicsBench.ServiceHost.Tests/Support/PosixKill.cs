using System.Runtime.InteropServices;

namespace HeuristicsBench.ServiceHost.Tests.Support;

/// <summary>kill(2): .NET has no managed way to send a chosen signal to another process.</summary>
internal static class PosixKill
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
            throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    // DllImport rather than LibraryImport: no unsafe code needed for two ints
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
