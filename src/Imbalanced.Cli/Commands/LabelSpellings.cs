using System.Globalization;

namespace Imbalanced.Cli.Commands;

/// <summary>The warning <c>inspect</c>, <c>compare</c> and <c>train</c> give when labels differ only in surrounding
/// spaces, letter case or the spelling of a number (<c>No</c> and <c>No </c>, <c>yes</c> and <c>Yes</c>, <c>1</c>
/// and <c>1.0</c>): labels are taken exactly as written, so these are different classes, which a reader of the
/// tables can hardly see.</summary>
internal static class LabelSpellings
{
    /// <summary>One line per group of labels that read alike, in the order of their first label.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<string> labels) => labels
        .GroupBy(Key)
        .Where(g => g.Count() > 1)
        .Select(g => $"warning: the labels {string.Join(", ", g.Select(l => $"'{l}'"))} differ only in spaces, " +
            "letter case or the spelling of a number; labels are taken as written, so they are different classes " +
            "here: correct the target column if they mean one class");

    private static string Key(string label)
    {
        var trimmed = label.Trim();
        return double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
               && double.IsFinite(number)
            ? "#" + number.ToString("R", CultureInfo.InvariantCulture)
            : trimmed.ToUpperInvariant();
    }
}
