using Imbalanced.Data;
using Imbalanced.MLNet;

namespace Imbalanced.Cli.Commands;

/// <summary>What <c>compare</c> and <c>train</c> say of a table before any fit, on stderr: labels that read alike
/// (<see cref="LabelSpellings"/>), categorical features wider than a training part encodes
/// (<see cref="ManyCategories"/>), and numeric columns ML.NET's learners read as 0; a value beyond their single
/// precision is refused here, before a sampler's own, looser, limit could answer first.</summary>
internal static class TableWarnings
{
    /// <exception cref="DataException">A value beyond ±3.4e38, naming <paramref name="input"/> and its column.
    /// </exception>
    public static void Write(string input, Dataset data)
    {
        foreach (var warning in LabelSpellings.Warnings(data.Classes.Labels)) Console.Error.WriteLine(warning);
        foreach (var warning in ManyCategories.Warnings(data)) Console.Error.WriteLine(warning);
        foreach (var column in InputErrors.Of(input, () => DataViewConversion.ColumnsReadAsZero(data)))
            Console.Error.WriteLine($"warning: column '{column}' holds values below 1.2e-38 in magnitude, which " +
                "ML.NET's learners (single precision) read as 0; rescale the column to use them");
    }
}
