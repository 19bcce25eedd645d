using System.Globalization;
using Microsoft.Extensions.Logging;

namespace ChaosRunner.Broker;

/// <summary>Writes one line per log event to standard error: UTC time, level, category, message.</summary>
internal sealed class StderrLogger : ILogger
{
    private static readonly object WriteLock = new();
    private readonly string _category;
    private readonly LogLevel _minimum;

    public StderrLogger(string category, LogLevel minimum)
    {
        _category = category;
        _minimum = minimum;
    }

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum && logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        string time = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        string line = $"{time} {logLevel.ToString().ToLowerInvariant(),-11} {_category}: {formatter(state, exception)}";
        lock (WriteLock)
        {
            Console.Error.WriteLine(line);
            if (exception is not null)
            {
                Console.Error.WriteLine(exception);
            }
        }
    }
}
