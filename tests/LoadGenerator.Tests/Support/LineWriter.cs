using System.Text;

namespace LoadGenerator.Tests.Support;

/// <summary>A text writer the code under test may write from any thread while the test reads what it wrote so far.</summary>
public sealed class LineWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_gate)
            _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_gate)
            _text.Append(value);
    }

    public override void WriteLine(string? value)
    {
        lock (_gate)
            _text.Append(value).Append('\n');
    }

    public string Text
    {
        get
        {
            lock (_gate)
                return _text.ToString();
        }
    }

    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
