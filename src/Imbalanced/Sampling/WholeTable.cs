namespace Imbalanced.Sampling;

/// <summary>What a sampler that is given only some classes' rows knows about the whole table: the number of rows of
/// every class and the number of empty cells of every feature.</summary>
/// <param name="Counts">Rows of each class, by class code.</param>
/// <param name="EmptyNumeric">Empty cells of each numeric feature, in feature order.</param>
/// <param name="EmptyCategorical">Empty cells of each categorical feature, in feature order.</param>
/// <param name="CategoryCounts">For each categorical feature, in feature order, the rows of each class (by class
/// code) that have each category, by the category's text; given to a sampler that asks for them
/// (<see cref="IClassLocalSampler.ReadsCategoryCounts"/>), null otherwise.</param>
internal sealed record WholeTable(int[] Counts, int[] EmptyNumeric, int[] EmptyCategorical,
    IReadOnlyList<IReadOnlyDictionary<string, int[]>>? CategoryCounts = null);
