using System.CommandLine;
using System.Runtime.InteropServices;
using Imbalanced.Data;
using Imbalanced.Cli.Commands;

namespace Imbalanced.Cli;

/// <summary>Entry point of the <c>imbalanced</c> command: parses, dispatches, and maps errors to exit codes. Every
/// failure ends as one <c>error:</c> line on stderr and exit code 1 (data) or 2 (usage), never a stack trace.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
    {
        // Stopped by Ctrl+C or kill: no temporary and no part of the outputs is left behind; then the signal's own
        // handling ends the process.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stopped);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stopped);
        try
        {
            return Run(args);
        }
        catch (UsageException e)
        {
            return Fail(e.Message, ExitCodes.UsageError);
        }
        catch (DataException e)
        {
            return Fail(Flags.Translate(e.Message, e.Parameter), ExitCodes.DataError);
        }
        catch (ArgumentException e)
        {
            // An option value the library refuses (.NET's convention for bad arguments): a usage error, without
            // .NET's "(Parameter 'x')" and "Actual value was" decorations.
            return Fail(Flags.Translate(e), ExitCodes.UsageError);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(e.Message, ExitCodes.DataError);
        }
        catch (OutOfMemoryException)
        {
            return Fail("not enough memory for this input and these options", ExitCodes.DataError);
        }
        catch (Exception e)
        {
            // The last resort: a failure no check above foresaw still ends as one line, never a stack trace.
            return Fail($"{e.Message} ({e.GetType().Name})", ExitCodes.DataError);
        }
    }

    /// <summary>Set when a stop signal arrived: the failure it causes on the main thread prints nothing (the
    /// handler's line is the one), and the process ends by the signal.</summary>
    private static volatile bool _stopping;

    private static void Stopped(PosixSignalContext context)
    {
        _stopping = true;
        var removed = FileTransaction.Abandon();
        TableReader.RemoveSpooled();
        Console.Error.WriteLine(removed ? "error: stopped; nothing was written" : "error: stopped");
    }

    private static int Run(string[] args)
    {
        var root = new RootCommand("imbalanced: see, rebalance and evaluate imbalanced classification data.")
        {
            InspectCommand.Create(),
            GenerateCommand.Create(),
            ResampleCommand.Create(),
            EvaluateCommand.Create(),
            CompareCommand.Create(),
            TrainPredictCommands.Train(),
            TrainPredictCommands.Predict(),
        };
        var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        if (args.Length == 0)
            return Fail($"no command given; the commands are: {commands} (see 'imbalanced --help')",
                ExitCodes.UsageError);
        if (!args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
            return Fail($"unknown command '{args[0]}'; the commands are: {commands}", ExitCodes.UsageError);
        // A path may start with '@': no argument is read as a response file.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0)
        {
            var error = parse.Errors
                .FirstOrDefault(e => !e.Message.StartsWith("Required command", StringComparison.Ordinal))
                ?? parse.Errors[0];
            return Fail($"{Flags.ParseError(error.Message)} (see 'imbalanced --help')", ExitCodes.UsageError);
        }
        return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static int Fail(string message, int exitCode)
    {
        // Stopped by a signal: its handler said so; wait for the signal to end the process.
        if (_stopping) Thread.Sleep(Timeout.Infinite);
        Console.Error.WriteLine($"error: {Printable(message)}");
        return exitCode;
    }

    /// <summary>Longest error line kept whole; a longer one (a value of megabytes quoted in it) keeps its start, where
    /// the file, line and column are, and its end.</summary>
    private const int LongestMessage = 4000;

    /// <summary><paramref name="message"/> as one printable line: line breaks become spaces, other control
    /// characters (from a column name or a value) <c>\xNN</c>, and a very long message keeps its start and end.
    /// </summary>
    internal static string Printable(string message)
    {
        var text = new System.Text.StringBuilder(Math.Min(message.Length, LongestMessage + 100));
        foreach (var c in message.ReplaceLineEndings(" "))
            if (char.IsControl(c) && c != '\t') text.Append($"\\x{(int)c:X2}");
            else text.Append(c);
        if (text.Length <= LongestMessage) return text.ToString();
        var left = text.Length - LongestMessage * 3 / 4;
        return $"{text.ToString(0, LongestMessage / 2)} … ({left} characters left out) … " +
            text.ToString(text.Length - LongestMessage / 4, LongestMessage / 4);
    }
}
