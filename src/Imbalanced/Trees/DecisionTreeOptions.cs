namespace Imbalanced.Trees;

/// <summary>Options of <see cref="DecisionTree"/>, scikit-learn's <c>DecisionTreeClassifier</c> parameters of the
/// same names; the defaults are scikit-learn's (a fully grown tree).</summary>
internal sealed record DecisionTreeOptions
{
    /// <summary><c>max_depth</c>: the deepest a leaf may lie (the root is at depth 0); null for no limit.</summary>
    public int? MaxDepth { get; init; }

    /// <summary><c>min_samples_split</c>: the fewest rows a node needs to be split (2).</summary>
    public int MinSamplesSplit { get; init; } = 2;

    /// <summary><c>min_samples_leaf</c>: the fewest rows each side of a split must keep (1).</summary>
    public int MinSamplesLeaf { get; init; } = 1;
}
