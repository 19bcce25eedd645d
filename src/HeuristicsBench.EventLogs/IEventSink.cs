namespace HeuristicsBench.EventLogs;

/// <summary>Somewhere generated events go, one at a time, in stream order. Dispose completes the output.</summary>
public interface IEventSink : IDisposable
{
    void Write(StreamEvent e);
}
