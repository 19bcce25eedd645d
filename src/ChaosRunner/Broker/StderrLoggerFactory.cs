using Microsoft.Extensions.Logging;

namespace ChaosRunner.Broker;

/// <summary>An <see cref="ILoggerFactory"/> whose loggers write to standard error.</summary>
internal sealed class StderrLoggerFactory : ILoggerFactory
{
    private readonly LogLevel _minimum;

    public StderrLoggerFactory(LogLevel minimum)
    {
        _minimum = minimum;
    }

    public void AddProvider(ILoggerProvider provider) => throw new NotSupportedException();

    public ILogger CreateLogger(string categoryName) => new StderrLogger(categoryName, _minimum);

    public void Dispose()
    {
    }
}
