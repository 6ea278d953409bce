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
                return work(new Progress<(int Done, int Total)>(p =>
                {
                    task.MaxValue = p.Total;
                    task.Value = p.Done;
                }));
            });
    }
}
