namespace ChaosRunner.Analyze;

public enum AnalyzeFormat
{
    /// <summary>An aligned text table and the mean of per-file means.</summary>
    Table,

    /// <summary><c>file,events,mean_recovery_s</c>, one row per log.</summary>
    Csv,
}
