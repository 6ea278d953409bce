using System.CommandLine;

namespace Imbalanced.Cli;

/// <summary>Options shared by several commands, spelled once.</summary>
internal static class CommonOptions
{
    public static Argument<string> Input() => new("INPUT")
    {
        Description = "a .csv/.tsv/.txt file with a header row, or a .parquet file",
    };

    public static Option<string> Target() => new("--target") { Description = "the label column", Required = true };

    public static Option<string[]> Drop() => new("--drop")
    {
        Description = "columns to leave out of the features, comma-separated",
        CustomParser = r => r.Tokens
            .SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
            .ToArray(),
    };

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    public static Option<bool> Quiet() => new("--quiet") { Description = "no progress display" };

    public static Option<string> Task() => new("--task")
    {
        Description = "classification (a label column) or regression (a numeric target: smoter, smogn)",
        DefaultValueFactory = _ => "classification",
    };

    /// <summary>Whether a <c>--task</c> value asks for regression.</summary>
    /// <exception cref="UsageException">Neither classification nor regression.</exception>
    public static bool IsRegression(string task) => task switch
    {
        "classification" => false,
        "regression" => true,
        _ => throw new UsageException($"--task must be classification or regression; got '{task}'"),
    };

    public static Option<long> Seed() => new("--seed")
    {
        Description = "seed of every random choice",
        DefaultValueFactory = _ => 0,
    };
}
