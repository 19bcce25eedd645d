using HeuristicsMiner.Algorithm.Counting;

namespace HeuristicsMiner.Algorithm.Summaries;

/// <summary>
/// Binary encoding of the parts shared by the lossy variants. Entries are written in a canonical order
/// (activities by id, cases by ordinal case id, pairs by key) so that equal states give equal bytes.
/// </summary>
internal static class SnapshotCodec
{
    public static void WriteActivities(BinaryWriter writer, ActivityTable activities)
    {
        writer.Write(activities.Count);
        foreach (var name in activities.Names)
            writer.Write(name);
    }

    public static ActivityTable ReadActivities(BinaryReader reader)
    {
        var count = ReadCount(reader, "activity names");
        var table = new ActivityTable();
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            if (name.Length == 0 || table.GetOrAdd(name) != i)
                throw new InvalidDataException($"snapshot activity name #{i} is empty or repeated");
        }
        return table;
    }

    public static void WriteStructures(BinaryWriter writer, LossyStructures state)
    {
        WriteTable(writer, state.Activities);
        WriteTable(writer, state.Relations);
        WriteTable(writer, state.LoopPatterns);
        WriteTable(writer, state.Starts);
        writer.Write(state.CaseEvictions);
        var cases = state.Cases.Keys.ToArray();
        Array.Sort(cases, StringComparer.Ordinal);
        writer.Write(cases.Length);
        foreach (var caseId in cases)
        {
            var entry = state.Cases[caseId];
            writer.Write(caseId);
            writer.Write(entry.Last);
            writer.Write(entry.SecondLast);
            writer.Write(entry.Frequency);
            writer.Write(entry.Delta);
        }
    }

    public static LossyStructures ReadStructures(BinaryReader reader, int activityCount)
    {
        var state = new LossyStructures();
        ReadTable(reader, state.Activities, key => CheckActivity(key, activityCount), "activities");
        ReadTable(reader, state.Relations, key => CheckPair(key, activityCount), "relations");
        ReadTable(reader, state.LoopPatterns, key => CheckPair(key, activityCount), "loop patterns");
        ReadTable(reader, state.Starts, key => CheckActivity(key, activityCount), "starts");
        state.CaseEvictions = ReadNonNegative(reader, "caseEvictions");
        var cases = ReadCount(reader, "cases");
        for (var i = 0; i < cases; i++)
        {
            var caseId = reader.ReadString();
            var last = reader.ReadInt32();
            var secondLast = reader.ReadInt32();
            var entry = new CaseEntry(last, secondLast, reader.ReadInt64(), reader.ReadInt64());
            if (caseId.Length == 0 || !CheckActivity(last, activityCount) ||
                (secondLast != -1 && !CheckActivity(secondLast, activityCount)) || entry.Frequency < 1 || entry.Delta < 0 ||
                !state.Cases.TryAdd(caseId, entry))
                throw new InvalidDataException($"snapshot case entry #{i} is invalid");
        }
        return state;
    }

    public static long ReadNonNegative(BinaryReader reader, string what)
    {
        var value = reader.ReadInt64();
        if (value < 0)
            throw new InvalidDataException($"snapshot field {what} is negative ({value})");
        return value;
    }

    public static int ReadCount(BinaryReader reader, string what)
    {
        var value = reader.ReadInt32();
        if (value < 0)
            throw new InvalidDataException($"snapshot count of {what} is negative ({value})");
        return value;
    }

    private static void WriteTable(BinaryWriter writer, ActivityCounters table)
    {
        writer.Write(table.Count);
        foreach (var (id, entry) in table.Entries())
        {
            writer.Write(id);
            writer.Write(entry.Frequency);
            writer.Write(entry.Delta);
        }
    }

    private static void WriteTable(BinaryWriter writer, Dictionary<long, LossyEntry> table)
    {
        var keys = table.Keys.ToArray();
        Array.Sort(keys);
        writer.Write(keys.Length);
        foreach (var key in keys)
        {
            writer.Write(key);
            writer.Write(table[key].Frequency);
            writer.Write(table[key].Delta);
        }
    }

    private static void ReadTable(BinaryReader reader, ActivityCounters table, Func<int, bool> valid, string what)
    {
        var count = ReadCount(reader, what);
        for (var i = 0; i < count; i++)
        {
            var id = reader.ReadInt32();
            var entry = new LossyEntry(reader.ReadInt64(), reader.ReadInt64());
            if (!valid(id) || entry.Delta < 0 || !table.TryAdd(id, entry))
                throw new InvalidDataException($"snapshot {what} entry #{i} is invalid");
        }
    }

    private static void ReadTable(BinaryReader reader, Dictionary<long, LossyEntry> table, Func<long, bool> valid, string what)
    {
        var count = ReadCount(reader, what);
        for (var i = 0; i < count; i++)
            AddEntry(table, reader.ReadInt64(), reader, valid, what, i);
    }

    private static void AddEntry<TKey>(Dictionary<TKey, LossyEntry> table, TKey key, BinaryReader reader,
        Func<TKey, bool> valid, string what, int index) where TKey : notnull
    {
        var entry = new LossyEntry(reader.ReadInt64(), reader.ReadInt64());
        if (!valid(key) || entry.Frequency < 1 || entry.Delta < 0 || !table.TryAdd(key, entry))
            throw new InvalidDataException($"snapshot {what} entry #{index} is invalid");
    }

    private static bool CheckActivity(int id, int count) => id >= 0 && id < count;

    private static bool CheckPair(long key, int count) =>
        CheckActivity(PairKey.From(key), count) && CheckActivity(PairKey.To(key), count);
}
