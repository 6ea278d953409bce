using System.CommandLine;
using Imbalanced.Cli.Commands;

namespace Imbalanced.Cli;

/// <summary>Entry point of the <c>imbalanced</c> command: parses, dispatches, and maps errors to exit codes.</summary>
public static class Program
{
    /// <summary>Runs the command line.</summary>
    public static int Main(string[] args)
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
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see 'imbalanced --help')");
            return ExitCodes.UsageError;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.UsageError;
        }
        catch (DataException e)
        {
            Console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return ExitCodes.DataError;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return ExitCodes.DataError;
        }
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
