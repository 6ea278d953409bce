using System.Globalization;
using Imbalanced.Data;
using Imbalanced.Preprocessing;

namespace Imbalanced.Cli.Commands;

/// <summary>The warnings <c>compare</c> and <c>train</c> give about categorical features with more categories than
/// a training part one-hot encodes (<see cref="Preprocessor.DefaultMaxCategories"/>), a column of identifiers above
/// all.</summary>
internal static class ManyCategories
{
    /// <summary>One line per categorical feature of <paramref name="data"/> with more than
    /// <see cref="Preprocessor.DefaultMaxCategories"/> distinct values, in feature order.</summary>
    public static IEnumerable<string> Warnings(Dataset data)
    {
        var q = data.CategoricalCount;
        var max = Preprocessor.DefaultMaxCategories;
        for (var f = 0; f < q; f++)
        {
            var distinct = data.Categories[f].Count;
            if (distinct <= max) continue;
            var filled = 0;
            for (var i = 0; i < data.RowCount; i++)
                if (data.Categorical[i * q + f] >= 0) filled++;
            var name = data.CategoricalNames[f];
            var invariant = CultureInfo.InvariantCulture;
            yield return distinct == filled
                ? string.Create(invariant, $"warning: column '{name}' has a different value in each of its {filled} ") +
                  "filled rows (an identifier?): no model can use it on new rows, and no training part encodes it; " +
                  string.Create(invariant, $"leave it out with --drop {name}")
                : string.Create(invariant, $"warning: column '{name}' has {distinct} categories; each training ") +
                  string.Create(invariant, $"part one-hot encodes at most {max}, the most frequent of those in two ") +
                  "rows or more, and the others as zeros";
        }
    }
}
