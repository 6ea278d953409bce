using System.CommandLine;
using Imbalanced.Calibration;
using Imbalanced.Metrics;
using Imbalanced.ModelSelection;
using Imbalanced.Preprocessing;

namespace Imbalanced.Cli.Commands;

/// <summary>The options <c>compare</c> and <c>train</c> share, declared once: positive class, threshold objective,
/// costs, calibration, imputation and seed, read into <see cref="CompareOptions"/>.</summary>
internal sealed class WorkflowFlags
{
    private static readonly CompareOptions Defaults = new();

    public Option<string?> Positive { get; } = new("--positive")
    {
        Description = "the positive class (default: the minority class)",
    };

    public Option<string> Tune { get; } = new("--tune-threshold")
    {
        Description = "none, " + string.Join(", ", ThresholdObjective.Names),
        DefaultValueFactory = _ => Defaults.TuneThreshold,
    };

    public Option<string?> Cost { get; } = new("--cost")
    {
        Description = "fn=A,fp=B: the cost of a false negative and of a false positive",
    };

    public Option<string> Calibration { get; } = new("--calibration")
    {
        Description = Choices<CalibrationMethod>(),
        DefaultValueFactory = _ => Flags.Kebab(Defaults.Calibration.ToString()),
    };

    public Option<string> Impute { get; } = new("--impute")
    {
        Description = "what fills empty numeric cells: " + Choices<ImputationMethod>(),
        DefaultValueFactory = _ => Flags.Kebab(Defaults.Impute.ToString()),
    };

    public Option<long> Seed { get; } = CommonOptions.Seed();

    /// <summary>The options, for a command's option list.</summary>
    public IEnumerable<Option> All => [Positive, Tune, Cost, Calibration, Impute, Seed];

    /// <summary>The workflow options the command line gave.</summary>
    /// <exception cref="UsageException">A value is malformed or unknown.</exception>
    public CompareOptions Read(ParseResult r)
    {
        MisclassificationCost? cost = null;
        if (r.GetValue(Cost) is { } text)
        {
            try
            {
                cost = MisclassificationCost.Parse(text);
            }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
            {
                throw new UsageException($"--cost: {CostProblem(e)}; give fn=A,fp=B with A, B finite numbers at " +
                    "least 0, not both 0 (e.g. --cost fn=20,fp=1)");
            }
        }
        return new CompareOptions
        {
            Positive = r.GetValue(Positive),
            TuneThreshold = r.GetValue(Tune)!,
            Cost = cost,
            Calibration = Parse<CalibrationMethod>(r.GetValue(Calibration)!, "--calibration"),
            Impute = Parse<ImputationMethod>(r.GetValue(Impute)!, "--impute"),
            Seed = r.GetValue(Seed),
        };
    }

    /// <summary>What is wrong with a <c>--cost</c> value, in the option's own terms: <c>fn</c> and <c>fp</c>, not
    /// the library's property names, and without .NET's parameter and actual-value decorations.</summary>
    private static string CostProblem(Exception e)
    {
        if (e is not ArgumentOutOfRangeException range) return e.Message;
        var message = Flags.Plain(range)
            .Replace(nameof(MisclassificationCost.FalseNegative), "fn", StringComparison.Ordinal)
            .Replace(nameof(MisclassificationCost.FalsePositive), "fp", StringComparison.Ordinal);
        return range.ActualValue is double value
            ? message + "; got " + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
            : message;
    }

    private static string Choices<T>() where T : struct, Enum =>
        string.Join("|", Enum.GetNames<T>().Select(Flags.Kebab));

    private static T Parse<T>(string text, string flag) where T : struct, Enum =>
        Enum.GetNames<T>().FirstOrDefault(n => Flags.Kebab(n) == text) is { } name
            ? Enum.Parse<T>(name)
            : throw new UsageException($"{flag}: unknown value '{text}'; use {Choices<T>().Replace("|", ", ")}");
}
