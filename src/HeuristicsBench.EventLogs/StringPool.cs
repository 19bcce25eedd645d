namespace HeuristicsBench.EventLogs;

/// <summary>
/// A bounded pool of strings: repeated values come back as the same instance, so a reader does not
/// allocate a new string for every event of a case or every occurrence of an activity.
/// When the pool holds <see cref="MaxEntries"/> strings it is emptied before the next one is added,
/// so memory stays bounded on endless streams (values seen before the clear are simply pooled again).
/// Not thread-safe.
/// </summary>
public sealed class StringPool
{
    /// <summary>The default bound on the number of pooled strings.</summary>
    public const int DefaultMaxEntries = 100_000;

    private readonly Dictionary<string, string> _entries;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _spanLookup;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="maxEntries">How many strings the pool holds before it is emptied; at least 1.</param>
    public StringPool(int maxEntries = DefaultMaxEntries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        MaxEntries = maxEntries;
        _entries = new Dictionary<string, string>(StringComparer.Ordinal);
        _spanLookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many strings the pool holds before it is emptied.</summary>
    public int MaxEntries { get; }

    /// <summary>How many strings the pool holds now.</summary>
    public int Count => _entries.Count;

    /// <summary>Gets the pooled string equal to <paramref name="value"/>, adding a new one if there is none.</summary>
    /// <param name="value">The characters of the string.</param>
    /// <returns>A string equal to <paramref name="value"/>; the same instance for equal values while they stay pooled.</returns>
    public string Intern(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        if (_spanLookup.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        return Add(value.ToString());
    }

    /// <summary>Gets the pooled string equal to <paramref name="value"/>, pooling <paramref name="value"/> itself if there is none.</summary>
    /// <param name="value">The string.</param>
    /// <returns>A string equal to <paramref name="value"/>; the same instance for equal values while they stay pooled.</returns>
    public string Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return string.Empty;
        }

        return _entries.TryGetValue(value, out var pooled) ? pooled : Add(value);
    }

    /// <summary>Empties the pool.</summary>
    public void Clear() => _entries.Clear();

    private string Add(string value)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries.Add(value, value);
        return value;
    }
}
