namespace Imbalanced.ModelSelection;

/// <summary>Class weights turned into per-row weights, for learners that take an example weight.</summary>
public static class ClassWeights
{
    /// <summary>
    /// scikit-learn's <c>class_weight='balanced'</c>: class c weighs <c>n / (K · n_c)</c>, K the classes present.
    /// </summary>
    public static double[] Balanced(IReadOnlyList<int> labels)
    {
        var counts = new Dictionary<int, int>();
        foreach (var l in labels) counts[l] = counts.GetValueOrDefault(l) + 1;
        var k = counts.Count;
        return labels.Select(l => labels.Count / (double)(k * counts[l])).ToArray();
    }

    /// <summary>Explicit weights per class code (classes not listed weigh 1).</summary>
    public static double[] Explicit(IReadOnlyList<int> labels, IReadOnlyDictionary<int, double> weights) =>
        labels.Select(l => weights.GetValueOrDefault(l, 1.0)).ToArray();
}
