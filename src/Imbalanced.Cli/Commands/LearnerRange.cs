using System.Globalization;
using Imbalanced.Data;

namespace Imbalanced.Cli.Commands;

/// <summary>What <c>compare</c> and <c>train</c> check of the numeric features before any fit: ML.NET's learners
/// read single precision, so a value beyond ±3.4e38 is refused before a sampler's own, looser, limit can answer
/// first, and a column whose values are below single precision's smallest normal number is said to read as 0.
/// </summary>
internal static class LearnerRange
{
    /// <summary>Single precision's smallest normal number.</summary>
    private const double SmallestNormal = 1.17549435e-38;

    /// <summary>Throws for a value beyond single precision's range; returns a warning per column holding values
    /// (not 0) below its smallest normal number, in column order.</summary>
    /// <exception cref="DataException">A value beyond ±3.4e38, naming its column.</exception>
    public static IReadOnlyList<string> Check(Dataset data)
    {
        var (n, p) = (data.RowCount, data.NumericCount);
        var warnings = new List<string>();
        for (var j = 0; j < p; j++)
        {
            var tiny = false;
            for (var i = 0; i < n; i++)
            {
                var v = Math.Abs(data.Numeric[i * p + j]);
                if (v > float.MaxValue && double.IsFinite(v))
                    throw new DataException($"column '{data.NumericNames[j]}' holds " +
                        $"{data.Numeric[i * p + j].ToString("R", CultureInfo.InvariantCulture)}, beyond the ±3.4e38 " +
                        "ML.NET's learners take (single precision); rescale the column or leave it out");
                tiny |= v > 0 && v < SmallestNormal;
            }
            if (tiny)
                warnings.Add($"warning: column '{data.NumericNames[j]}' holds values below 1.2e-38 in magnitude, " +
                    "which ML.NET's learners (single precision) read as 0; rescale the column to use them");
        }
        return warnings;
    }
}
