using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HeuristicsMiner.Checkpoints;

/// <summary>
/// Turns any name (a consumer group, a topic) into one path segment such that different names never give the same
/// segment, not even on a case-insensitive file system: lower-case ASCII letters, digits, '-' and '_' stay; every
/// other UTF-8 byte (upper case letters, '.', '/', '%', ...) becomes "%XX" with upper-case hex. So "." and ".." cannot
/// come out, and two results that differ only in case cannot both come out. A result longer than
/// <see cref="MaxLength"/> is cut and ends in "~" and the SHA-256 of the name ('~' appears in no uncut result), which
/// keeps file names built from it well below the usual 255-byte limit.
/// </summary>
public static class SafeFileName
{
    public const int MaxLength = 120;
    private const int KeptWhenCut = 50;

    public static string For(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var escaped = new StringBuilder(name.Length);
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            var c = (char)b;
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_')
                escaped.Append(c);
            else
                escaped.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (escaped.Length <= MaxLength)
            return escaped.ToString();
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name)));
        return escaped.ToString(0, KeptWhenCut) + "~" + hash;
    }
}
