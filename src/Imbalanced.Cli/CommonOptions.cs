using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Imbalanced.Cli;

/// <summary>Options shared by several commands, spelled once.</summary>
internal static class CommonOptions
{
    public static Argument<string> Input()
    {
        var input = new Argument<string>("INPUT")
        {
            Description = "a .csv/.tsv/.txt file with a header row, or a .parquet file",
        };
        input.Validators.Add(r =>
        {
            if (r.Tokens is [{ Value: "" }]) r.AddError("INPUT: the path is empty; name a file");
        });
        return input;
    }

    /// <summary><paramref name="option"/>, a file path: an empty one (<c>--output ""</c>) is a usage error.</summary>
    public static Option<T> Path<T>(Option<T> option)
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens is [{ Value: "" }]) r.AddError($"{option.Name}: the path is empty; name a file");
        });
        return option;
    }

    public static Option<string> Target() => new("--target") { Description = "the label column", Required = true };

    /// <summary><c>--drop COL[,COL…]</c>; a value that names no column (<c>--drop ""</c>) is a usage error.</summary>
    public static Option<string[]> Drop() => new("--drop")
    {
        Description = "columns to leave out of the features, comma-separated",
        CustomParser = r => List(r, "--drop", "column"),
    };

    /// <summary>The comma-separated names an option's tokens hold (empty entries between commas skipped); a value
    /// that names nothing is a parse error of the option (<c>--drop: '' names no column</c>), never silently the
    /// same as leaving the option out.</summary>
    /// <example><c>--drop a,b</c> gives <c>["a", "b"]</c>; <c>--drop ""</c> and <c>--drop ,</c> are errors.</example>
    public static string[] List(ArgumentResult r, string flag, string what)
    {
        var names = new List<string>();
        foreach (var token in r.Tokens)
        {
            var parts = token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                r.AddError($"{flag}: '{token.Value}' names no {what}; give one or more, comma-separated");
                return [];
            }
            names.AddRange(parts);
        }
        return [.. names];
    }

    public static Option<bool> Json(string description) => new("--json") { Description = description };

    /// <summary><c>--quiet</c>: no progress display; accepted by every command, including those that show none.
    /// </summary>
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

    /// <summary><c>--seed</c>: a whole number from 0 to 4294967295, the range NumPy (and so imbalanced-learn's
    /// <c>random_state</c>) accepts; anything else is a parse error naming the option.</summary>
    public static Option<long> Seed() => new("--seed")
    {
        Description = "seed of every random choice (0 to 4294967295)",
        DefaultValueFactory = _ => 0L,
        CustomParser = r =>
        {
            var seed = ParseWhole<long>(r, "--seed");
            if (seed is >= 0 and <= MaxSeed) return seed.Value;
            if (seed is not null)
                r.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"--seed: '{seed}' is out of range; give a whole number from 0 to {MaxSeed}"));
            return 0L;
        },
    };

    /// <summary>The largest seed: 2³² − 1.</summary>
    private const long MaxSeed = uint.MaxValue;

    /// <summary>An option holding a whole number (invariant culture) with a default; a value that is not one is a
    /// parse error naming the option and the kind expected (<c>--rows: 'abc' is not a whole number</c>), never
    /// System.CommandLine's text naming a .NET type.</summary>
    /// <example><c>var rows = CommonOptions.WholeNumber("--rows", 1000, "rows");</c></example>
    public static Option<T> WholeNumber<T>(string flag, T defaultValue, string description)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T> => new(flag)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => ParseWhole<T>(r, flag) ?? defaultValue,
        };

    /// <summary>An option holding a finite number (invariant culture) with a default; text that is not a number, and
    /// <c>NaN</c> or an infinity, are parse errors naming the option (<c>--flip: 'NaN' is not a finite number</c>).
    /// </summary>
    /// <example><c>var flip = CommonOptions.FiniteNumber("--flip", 0.01, "share of labels replaced");</c></example>
    public static Option<double> FiniteNumber(string flag, double defaultValue, string description) => new(flag)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = r => ParseFinite(r, flag) ?? defaultValue,
    };

    /// <summary>As <see cref="FiniteNumber"/>, without a default: null when the option is not given.</summary>
    /// <example><c>var prior = CommonOptions.OptionalFiniteNumber("--prior", "deployment prevalence");</c></example>
    public static Option<double?> OptionalFiniteNumber(string flag, string description) => new(flag)
    {
        Description = description,
        CustomParser = r => ParseFinite(r, flag),
    };

    /// <summary>The number text as the invariant culture reads it, or null when it is not a finite number.</summary>
    /// <example><c>CommonOptions.Finite("1e-3")</c> is <c>0.001</c>; <c>"NaN"</c>, <c>"1e999"</c> and
    /// <c>"abc"</c> give null.</example>
    public static double? Finite(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? d
            : null;

    private static double? ParseFinite(ArgumentResult r, string flag)
    {
        if (r.Tokens.Count == 0) return null;
        var text = r.Tokens[^1].Value;
        if (Finite(text) is { } value) return value;
        r.AddError(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? $"{flag}: '{text}' is not a finite number; give a number such as 0.5"
            : $"{flag}: '{text}' is not a number; give a number such as 0.5");
        return null;
    }

    private static T? ParseWhole<T>(ArgumentResult r, string flag) where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (r.Tokens.Count == 0) return null;
        var text = r.Tokens[^1].Value;
        if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        r.AddError(BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? string.Create(CultureInfo.InvariantCulture,
                $"{flag}: '{text}' is out of range; give a whole number from {T.MinValue} to {T.MaxValue}")
            : $"{flag}: '{text}' is not a whole number; give one such as 3");
        return null;
    }
}
