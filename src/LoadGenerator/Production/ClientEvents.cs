namespace LoadGenerator.Production;

/// <summary>
/// What librdkafka reported through its error and log callbacks (which run on its threads), kept for the outage
/// warnings and the failure message. Thread-safe.
/// </summary>
public sealed class ClientEvents
{
    private volatile string? _lastError;
    private volatile string? _fatalError;

    /// <summary>The latest error or warning text librdkafka reported (e.g. "Connect to ... failed: Connection refused").</summary>
    public string? LastError => _lastError;

    /// <summary>The fatal error, if librdkafka raised one: the producer cannot go on.</summary>
    public string? FatalError => _fatalError;

    public void OnError(string text, bool fatal)
    {
        _lastError = text;
        if (fatal)
            _fatalError ??= text;
    }
}
