namespace HeuristicsBench.Services.Tests.Support;

/// <summary>Polls a condition; the deadline is generous and only bounds a failing test, it asserts nothing about speed.</summary>
public static class Eventually
{
    /// <param name="diagnosis">Called once at the timeout; its text (the state seen then) is added to the failure message.</param>
    public static async Task True(Func<bool> condition, string what, int seconds = 60, Func<string>? diagnosis = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out after {seconds} s waiting for: {what}" + (diagnosis is null ? "" : "\n" + diagnosis()));
            await Task.Delay(50);
        }
    }

    public static async Task True(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                Assert.Fail($"timed out after {seconds} s waiting for: {what}");
            await Task.Delay(100);
        }
    }
}
