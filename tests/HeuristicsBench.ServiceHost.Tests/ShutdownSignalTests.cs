using System.Runtime.InteropServices;

namespace HeuristicsBench.ServiceHost.Tests;

/// <summary>
/// The handler is driven directly with the contexts the runtime would pass: a real SIGTERM or SIGINT would reach
/// the whole test host.
/// </summary>
public class ShutdownSignalTests
{
    [Fact]
    public void A_new_signal_has_not_fired_and_disposes_twice_quietly()
    {
        var signal = new ShutdownSignal();
        Assert.False(signal.Token.IsCancellationRequested);
        Assert.Null(signal.Signal);
        signal.Dispose();
        signal.Dispose();
    }

    [Fact]
    public void First_signal_cancels_the_token_and_is_marked_handled()
    {
        using var signal = new ShutdownSignal();
        var context = new PosixSignalContext(PosixSignal.SIGTERM);
        signal.Handle(context);
        Assert.True(context.Cancel);
        Assert.True(signal.Token.IsCancellationRequested);
        Assert.Equal(PosixSignal.SIGTERM, signal.Signal);
    }

    [Fact]
    public void Second_signal_is_left_to_the_default_action()
    {
        using var signal = new ShutdownSignal();
        signal.Handle(new PosixSignalContext(PosixSignal.SIGINT));
        var second = new PosixSignalContext(PosixSignal.SIGTERM);
        signal.Handle(second);
        Assert.False(second.Cancel);
        Assert.Equal(PosixSignal.SIGINT, signal.Signal);
    }

    [Fact]
    public void Signal_racing_dispose_does_not_throw_on_the_handler_thread()
    {
        var signal = new ShutdownSignal();
        signal.Dispose();
        var context = new PosixSignalContext(PosixSignal.SIGTERM);
        signal.Handle(context);
        Assert.True(context.Cancel);
    }
}
