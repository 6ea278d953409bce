using System.Globalization;

namespace Imbalanced.Data;

/// <summary>
/// The classes of a target, in class order: numeric ascending when every label parses as a number
/// (invariant culture), otherwise ordinal string order. Labels keep their text exactly as written.
/// </summary>
public sealed class ClassSet
{
    private readonly Dictionary<string, int> _index;

    private ClassSet(string[] labels, bool numeric)
    {
        Labels = labels;
        IsNumeric = numeric;
        _index = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++) _index[labels[i]] = i;
    }

    /// <summary>The class labels in class order.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>The labels in class-code order, comma-separated (for example <c>bad, good</c>).</summary>
    /// <returns>The labels.</returns>
    public override string ToString() => string.Join(", ", Labels);

    /// <summary>Whether every label parses as a number, so that class order is numeric ascending (the labels a
    /// pandas reader would type as numbers).</summary>
    public bool IsNumeric { get; }

    /// <summary>The number of classes.</summary>
    public int Count => Labels.Count;

    /// <summary>The label of class <paramref name="code"/>.</summary>
    public string this[int code] => Labels[code];

    /// <summary>The code of <paramref name="label"/>, or -1 when it is not a class.</summary>
    public int IndexOf(string label) => _index.TryGetValue(label, out var i) ? i : -1;

    /// <summary>Builds the class set of the distinct labels given, ordered as the class order says.</summary>
    public static ClassSet FromDistinct(IEnumerable<string> labels)
    {
        var distinct = labels.Distinct(StringComparer.Ordinal).ToArray();
        var numbers = new double[distinct.Length];
        var allNumeric = true;
        for (var i = 0; i < distinct.Length && allNumeric; i++)
            allNumeric = double.TryParse(distinct[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])
                         && !double.IsNaN(numbers[i]);
        if (allNumeric)
        {
            var order = Enumerable.Range(0, distinct.Length)
                .OrderBy(i => numbers[i]).ThenBy(i => distinct[i], StringComparer.Ordinal).ToArray();
            distinct = order.Select(i => distinct[i]).ToArray();
        }
        else
        {
            Array.Sort(distinct, StringComparer.Ordinal);
        }
        return new ClassSet(distinct, allNumeric);
    }

    /// <summary>Encodes labels as class codes, building the class set from them.</summary>
    public static (ClassSet Classes, int[] Codes) Encode(IReadOnlyList<string> labels)
    {
        var classes = FromDistinct(labels);
        var codes = new int[labels.Count];
        for (var i = 0; i < codes.Length; i++) codes[i] = classes._index[labels[i]];
        return (classes, codes);
    }
}
