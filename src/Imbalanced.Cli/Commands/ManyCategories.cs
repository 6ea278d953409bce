using System.Globalization;
using System.Text.RegularExpressions;
using Imbalanced.Data;
using Imbalanced.Preprocessing;

namespace Imbalanced.Cli.Commands;

/// <summary>The warnings <c>compare</c> and <c>train</c> give about categorical features with more categories than
/// a training part one-hot encodes (<see cref="Preprocessor.DefaultMaxCategories"/>): numbers that a few text cells
/// or their formatting made categorical, a column of identifiers, or simply many categories.</summary>
internal static partial class ManyCategories
{
    /// <summary>One line per categorical feature of <paramref name="data"/> with more than
    /// <see cref="Preprocessor.DefaultMaxCategories"/> distinct values, in feature order.</summary>
    public static IEnumerable<string> Warnings(Dataset data)
    {
        var q = data.CategoricalCount;
        var max = Preprocessor.DefaultMaxCategories;
        var invariant = CultureInfo.InvariantCulture;
        for (var f = 0; f < q; f++)
        {
            var categories = data.Categories[f];
            var distinct = categories.Count;
            if (distinct <= max) continue;
            var rows = new int[distinct];
            for (var i = 0; i < data.RowCount; i++)
                if (data.Categorical[i * q + f] is var code && code >= 0) rows[code]++;
            var filled = rows.Sum();
            var name = data.CategoricalNames[f];
            var numberLike = Enumerable.Range(0, distinct).Select(c => NumberLike(categories[c])).ToArray();
            var text = Enumerable.Range(0, distinct).Where(c => !numberLike[c]).ToArray();
            var formatted = Enumerable.Range(0, distinct)
                .Where(c => numberLike[c] && CommonOptions.Finite(categories[c]) is null).ToArray();
            var textRows = text.Sum(c => rows[c]);
            if (formatted.Length * 2 >= distinct)
                yield return $"warning: column '{name}' looks like numbers written with symbols or separators " +
                    $"('{categories[formatted[0]]}'), so it is read as categories; write plain numbers (such as " +
                    "1234.5) to use it as a number";
            else if (formatted.Length == 0 && textRows > 0 && textRows * 5 <= filled)
                yield return string.Create(invariant, $"warning: column '{name}' holds numbers but for {textRows} ") +
                    $"filled cell(s) of text ({string.Join(", ", text.Take(3).Select(c => $"'{categories[c]}'"))}" +
                    $"{(text.Length > 3 ? ", …" : "")}), so it is read as categories; a numeric column needs a " +
                    "finite number in every filled cell: correct those cells or empty them";
            else if (distinct == filled)
                yield return string.Create(invariant, $"warning: column '{name}' has a different value in each of ") +
                    string.Create(invariant, $"its {filled} filled rows (an identifier?): no model can use it on ") +
                    $"new rows, and no training part encodes it; leave it out with --drop {Shell(name)}";
            else
                yield return string.Create(invariant, $"warning: column '{name}' has {distinct} categories; each ") +
                    string.Create(invariant, $"training part one-hot encodes at most {max}, the most frequent of ") +
                    "those in two rows or more, and the others as zeros";
        }
    }

    /// <summary>Whether <paramref name="value"/> is a number, or is one once currency and percent signs, spaces,
    /// apostrophes and accounting parentheses are taken away and commas read as thousands separators or as a decimal
    /// comma.</summary>
    private static bool NumberLike(string value)
    {
        if (CommonOptions.Finite(value) is not null) return true;
        var bare = Decoration().Replace(value, "");
        return bare.Length > 0 && (Finite(bare, NumberStyles.Float | NumberStyles.AllowThousands)
                                   || Finite(bare.Replace(".", "").Replace(',', '.'), NumberStyles.Float));
    }

    private static bool Finite(string text, NumberStyles styles) =>
        double.TryParse(text, styles, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v);

    /// <summary>Currency and percent signs, spaces, apostrophes and parentheses around a number.</summary>
    [GeneratedRegex(@"[\p{Sc}%\s'()]")]
    private static partial Regex Decoration();

    /// <summary><paramref name="name"/> as a shell reads it back: quoted when it holds anything but letters, digits
    /// and <c>_ . - ,</c>.</summary>
    private static string Shell(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' or ',')
            ? name
            : "'" + name.Replace("'", "'\\''") + "'";
}
