using System.Globalization;

namespace Imbalanced.Data;

/// <summary>Turns typed labels (strings, integers, booleans, enums, …) into their invariant text.</summary>
internal static class LabelText
{
    public static string[] Of<TLabel>(IReadOnlyList<TLabel> labels)
    {
        var text = new string[labels.Count];
        for (var i = 0; i < text.Length; i++)
        {
            var label = labels[i] ?? throw new DataException($"label of row {i} is null");
            text[i] = label switch
            {
                string s => s,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => label.ToString() ?? throw new DataException($"label of row {i} has no text"),
            };
        }
        return text;
    }
}
