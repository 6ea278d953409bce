using Spectre.Console;

namespace Imbalanced.Cli.Display;

/// <summary>Shows a spinner with elapsed time on stderr while long work runs, only when stderr is a terminal
/// and <c>--quiet</c> was not given. Nothing goes to stdout.</summary>
internal static class StatusDisplay
{
    public static T Run<T>(string what, bool quiet, Func<T> work)
    {
        if (quiet || Console.IsErrorRedirected) return work();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Status().Spinner(Spinner.Known.Dots).Start(what, _ => work());
    }

    /// <summary>Runs counted work with a progress bar, elapsed time and an estimate of the time left, on stderr, only
    /// when stderr is a terminal and <c>--quiet</c> was not given.</summary>
    public static T RunWithProgress<T>(string what, bool quiet, Func<IProgress<(int Done, int Total)>?, T> work)
    {
        if (quiet || Console.IsErrorRedirected) return work(null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(what, maxValue: 1);
                var result = work(new CountProgress(task));
                // Work that returned is all done: the bar ends full even when the last count was not drawn yet.
                task.Value = task.MaxValue;
                ctx.Refresh();
                return result;
            });
    }

    /// <summary>Counts reported from any thread, applied at once, one at a time and never backwards
    /// (<see cref="Progress{T}"/> posts each report to the thread pool: reports could land after the work had
    /// returned, or out of order, on a display that is not thread safe).</summary>
    private sealed class CountProgress(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        private readonly Lock _gate = new();

        public void Report((int Done, int Total) value)
        {
            lock (_gate)
            {
                task.MaxValue = value.Total;
                task.Value = Math.Max(task.Value, value.Done);
            }
        }
    }
}
