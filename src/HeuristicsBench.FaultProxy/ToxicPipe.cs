using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;

namespace HeuristicsBench.FaultProxy;

/// <summary>
/// One direction of a connection. A reader stamps each received chunk with its arrival time and queues it; a
/// writer applies the toxics of this direction that are active at that moment (a fresh snapshot per chunk, so
/// adding or removing a toxic affects the next chunk of a live connection) and sends it on, in order.
/// </summary>
internal sealed class ToxicPipe
{
    private const int BufferSize = 32 * 1024;

    private readonly ProxyConnection _connection;
    private readonly Socket _source;
    private readonly Socket _destination;
    private readonly ToxicDirection _stream;
    private readonly Channel<Chunk> _queue = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });

    // toxicity is drawn once per connection and toxic instance (an update replaces the instance and draws again)
    private readonly Dictionary<ToxicSpec, bool> _drawn = new(ReferenceEqualityComparer.Instance);
    private long _written;
    private long _lastDue;

    public ToxicPipe(ProxyConnection connection, Socket source, Socket destination, ToxicDirection stream)
    {
        _connection = connection;
        _source = source;
        _destination = destination;
        _stream = stream;
    }

    public Task RunAsync() => Task.WhenAll(ReadAsync(), WriteAsync());

    private async Task ReadAsync()
    {
        var token = _connection.Stopping;
        try
        {
            while (true)
            {
                var buffer = new byte[BufferSize];
                int read = await _source.ReceiveAsync(buffer, SocketFlags.None, token).ConfigureAwait(false);
                if (read == 0)
                    break;
                await _queue.Writer.WriteAsync(new Chunk(buffer[..read], Stopwatch.GetTimestamp()), token).ConfigureAwait(false);
            }

            _queue.Writer.TryComplete();
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            _queue.Writer.TryComplete(e);
        }
    }

    private async Task WriteAsync()
    {
        var token = _connection.Stopping;
        try
        {
            await foreach (var chunk in _queue.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                if (!await PassAsync(chunk, token).ConfigureAwait(false))
                    return;
            }

            // the source sent FIN: pass it on, late if a slow_close toxic says so
            long closeDelay = Active().Where(t => t.Type == "slow_close").Select(t => t["delay"]).DefaultIfEmpty(0).Max();
            if (closeDelay > 0)
                await Task.Delay(TimeSpan.FromMilliseconds(closeDelay), token).ConfigureAwait(false);
            _destination.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or ChannelClosedException)
        {
            _connection.Close();
        }
    }

    /// <summary>Applies the active toxics to one chunk and sends what they let through; false when the connection is over.</summary>
    private async Task<bool> PassAsync(Chunk chunk, CancellationToken token)
    {
        if (!await HoldWhileTimedOutAsync(token).ConfigureAwait(false))
            return false;

        var active = Active();
        if (active.FirstOrDefault(t => t.Type == "reset_peer") is { } reset)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(reset["timeout"]), token).ConfigureAwait(false);
            _connection.Reset();
            return false;
        }

        long delayMs = active.Where(t => t.Type == "latency").Sum(t => t["latency"] + _connection.Random.Spread(t["jitter"]))
            + active.Where(t => t.Type == "loss").Sum(t => _connection.Random.Chance(t["percent"]) ? t["retransmit"] : 0);
        if (delayMs > 0)
        {
            // never before an earlier chunk's time, so jitter cannot reorder; and chunks are written one after the
            // other, so the chunks behind a lost one wait for its retransmission (TCP's head-of-line blocking)
            long due = Math.Max(chunk.ArrivedAt + (long)(delayMs * (Stopwatch.Frequency / 1000.0)), _lastDue);
            _lastDue = due;
            // Task.Delay truncates to whole milliseconds, so wait in rounded-up steps until the due time has passed
            TimeSpan wait;
            while ((wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due)) > TimeSpan.Zero)
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds)), token).ConfigureAwait(false);
        }

        ReadOnlyMemory<byte> data = chunk.Data;
        bool limitReached = false;
        var limits = active.Where(t => t.Type == "limit_data").Select(t => t["bytes"]).ToList();
        if (limits.Count > 0)
        {
            long allowed = Math.Max(0, limits.Min() - _written);
            if (allowed <= data.Length)
            {
                data = data[..(int)allowed];
                limitReached = true;
            }
        }

        await SendAsync(data, active, token).ConfigureAwait(false);
        if (limitReached)
        {
            _connection.Close();
            return false;
        }

        return true;
    }

    /// <summary>
    /// While a timeout toxic is active no data passes. Returns false when its timeout ran out (the connection is
    /// closed); true when the toxic went away (removed, or reset), so data flows again. Timeout 0 holds until then.
    /// </summary>
    private async Task<bool> HoldWhileTimedOutAsync(CancellationToken token)
    {
        while (true)
        {
            var changed = _connection.Toxics.Changed;
            var timeout = Active().FirstOrDefault(t => t.Type == "timeout");
            if (timeout is null)
                return true;
            long started = Stopwatch.GetTimestamp();
            var limit = timeout["timeout"] > 0 ? TimeSpan.FromMilliseconds(timeout["timeout"]) : Timeout.InfiniteTimeSpan;
            while (!changed.IsCompleted)
            {
                var remaining = limit == Timeout.InfiniteTimeSpan ? limit : limit - Stopwatch.GetElapsedTime(started);
                if (remaining != Timeout.InfiniteTimeSpan && remaining <= TimeSpan.Zero)
                {
                    _connection.Close();
                    return false;
                }

                await Task.WhenAny(changed, Task.Delay(remaining, token)).ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
            }
        }
    }

    /// <summary>Sends in slices when a slicer or bandwidth toxic is active, pacing them; in one write otherwise.</summary>
    private async Task SendAsync(ReadOnlyMemory<byte> data, List<ToxicSpec> active, CancellationToken token)
    {
        var slicer = active.FirstOrDefault(t => t.Type == "slicer");
        long rate = active.Where(t => t.Type == "bandwidth").Select(t => t["rate"]).DefaultIfEmpty(0).Min();
        while (!data.IsEmpty)
        {
            int size = data.Length;
            if (slicer is not null)
                size = (int)Math.Clamp(slicer["average_size"] + _connection.Random.Spread(slicer["size_variation"]), 1, size);
            if (rate > 0)
                size = (int)Math.Min(size, Math.Max(1, rate * 100)); // a tenth of a second's worth at most (1 KB = 1000 bytes)
            var slice = data[..size];
            while (!slice.IsEmpty)
            {
                int sent = await _destination.SendAsync(slice, SocketFlags.None, token).ConfigureAwait(false);
                slice = slice[sent..];
            }

            _written += size;
            data = data[size..];
            if (rate > 0)
                await Task.Delay(TimeSpan.FromSeconds(size / (rate * 1000.0)), token).ConfigureAwait(false);
            if (slicer is not null && slicer["delay"] > 0 && !data.IsEmpty)
                await Task.Delay(TimeSpan.FromMicroseconds(slicer["delay"]), token).ConfigureAwait(false);
        }
    }

    /// <summary>The toxics of this direction that this connection got (drawn by toxicity), in the order they were added.</summary>
    private List<ToxicSpec> Active()
    {
        var result = new List<ToxicSpec>();
        foreach (var toxic in _connection.Toxics.Snapshot)
        {
            if (toxic.Stream != _stream)
                continue;
            if (!_drawn.TryGetValue(toxic, out bool applies))
            {
                applies = toxic.Toxicity >= 1 || (toxic.Toxicity > 0 && _connection.Random.NextDouble() < toxic.Toxicity);
                _drawn[toxic] = applies;
            }

            if (applies)
                result.Add(toxic);
        }

        return result;
    }
}
