namespace LoadGenerator.Tests.Support;

/// <summary>
/// Polls a condition. The limit is a hang guard for a broken build, far above what a healthy run needs; no test
/// asserts on how long something took.
/// </summary>
public static class Eventually
{
    public static async Task WaitAsync(Func<bool> condition, string what, int limitSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(limitSeconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"gave up after {limitSeconds} s waiting for: {what}");
            await Task.Delay(20);
        }
    }

    public static async Task WaitAsync(Func<Task<bool>> condition, string what, int limitSeconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(limitSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"gave up after {limitSeconds} s waiting for: {what}");
            await Task.Delay(50);
        }
    }
}
