using System.Collections.Concurrent;
using Imbalanced.ModelSelection;

namespace Imbalanced.Tests.ModelSelection;

public class OutOfFoldLoopTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(null)]
    public void Every_unit_runs_once_on_at_most_the_threads_asked(int? threads)
    {
        const int units = 200;
        var runs = new int[units];
        var threadIds = new ConcurrentDictionary<int, bool>();
        OutOfFoldLoop.Parallel(units, threads, i =>
        {
            Interlocked.Increment(ref runs[i]);
            threadIds[Environment.CurrentManagedThreadId] = true;
            Thread.SpinWait(1000);
        });
        Assert.All(runs, r => Assert.Equal(1, r));
        Assert.InRange(threadIds.Count, 1, threads ?? Environment.ProcessorCount);
    }

    [Fact]
    public void Units_are_taken_in_order_as_threads_free_up()
    {
        // One thread blocked on unit 0: the other takes every later unit, one after the other.
        var order = new ConcurrentQueue<int>();
        using var release = new ManualResetEventSlim();
        OutOfFoldLoop.Parallel(20, 2, i =>
        {
            if (i == 0)
            {
                // Bounded: a loop that ran everything on this one thread would fail here, not hang the test run.
                Assert.True(release.Wait(TimeSpan.FromSeconds(30)), "no other thread took the later units");
                return;
            }
            order.Enqueue(i);
            if (i == 19) release.Set();
        });
        Assert.Equal(Enumerable.Range(1, 19), order);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void The_lowest_failure_is_rethrown_as_it_was_after_every_unit_below_it_ran(int threads)
    {
        const int units = 40;
        var ran = new bool[units];
        var low = new InvalidOperationException("unit 9");
        var e = Assert.Throws<InvalidOperationException>(() => OutOfFoldLoop.Parallel(units, threads, i =>
        {
            if (i == 21) throw new InvalidOperationException("unit 21");
            if (i == 9)
            {
                Thread.Sleep(50);
                throw low;
            }
            ran[i] = true;
        }));
        Assert.Same(low, e);
        Assert.All(Enumerable.Range(0, 9), i => Assert.True(ran[i]));
        if (threads == 1) Assert.All(Enumerable.Range(10, units - 10), i => Assert.False(ran[i]));
    }
}
