using Confluent.Kafka;

namespace HeuristicsBench.Services.Tests.Support;

/// <summary>
/// Collects the delivery reports of one batch of produced messages, so a failed delivery (which Flush does not
/// report: it only counts messages still queued) fails the test where it happens, naming the first error.
/// </summary>
public sealed class DeliveryReports
{
    private readonly object _lock = new();
    private int _delivered;
    private int _failed;
    private string? _firstError;

    public void Record(DeliveryReport<byte[]?, byte[]?> report)
    {
        lock (_lock)
        {
            if (!report.Error.IsError)
            {
                _delivered++;
                return;
            }

            _failed++;
            _firstError ??= $"{report.TopicPartition}: {report.Error.Code} ({report.Error.Reason}){(report.Error.IsFatal ? " [fatal]" : "")}";
        }
    }

    /// <summary>
    /// Asserts that <paramref name="expected"/> reports arrived (after Flush; the last handlers may still be
    /// running on the producer's poll thread, hence the short wait) and none of them is an error.
    /// </summary>
    public void AssertAllDelivered(string topic, int expected)
    {
        SpinWait.SpinUntil(() => { lock (_lock) return _delivered + _failed >= expected; }, TimeSpan.FromSeconds(10));
        lock (_lock)
        {
            Assert.True(_failed == 0, $"{_failed} of {expected} messages to {topic} were not delivered; first error: {_firstError}");
            Assert.True(_delivered == expected, $"{_delivered} of {expected} messages to {topic} have a delivery report");
        }
    }
}
