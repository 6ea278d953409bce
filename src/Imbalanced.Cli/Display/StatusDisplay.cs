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
}
