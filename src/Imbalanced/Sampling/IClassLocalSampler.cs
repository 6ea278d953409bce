using Imbalanced.Data;

namespace Imbalanced.Sampling;

/// <summary>
/// A sampler whose work on the whole table needs only the rows of some classes, once the class counts and the empty
/// cells of the whole table are known: it keeps every input row and adds rows made from rows of the classes it
/// reads. A table larger than memory can then be resampled by streaming the other classes straight through.
/// </summary>
internal interface IClassLocalSampler : ISampler
{
    /// <summary>The classes whose rows <see cref="FitResample(Dataset, WholeTable)"/> reads, in class order; null when
    /// these options need the whole table.</summary>
    /// <exception cref="DataException">The strategy does not fit the class counts, as in
    /// <see cref="ISampler.FitResample(Dataset)"/>.</exception>
    int[]? ClassesRead(ClassSet classes, int[] counts);

    /// <summary>Resamples a table of which <paramref name="part"/> holds, in input order, every row of the classes
    /// <see cref="ClassesRead"/> names and no other; the result equals <see cref="ISampler.FitResample(Dataset)"/> on
    /// the whole table, with rows numbered within the part.</summary>
    ResampleResult FitResample(Dataset part, WholeTable whole);

    /// <summary>Whether <see cref="FitResample(Dataset, WholeTable)"/> needs <see cref="WholeTable.CategoryCounts"/>,
    /// the class counts of every category over the whole table (SMOTEN's value-difference metric). Such a sampler
    /// reads only the rows of some classes when every feature is categorical; the counts of a numeric feature's
    /// values are not gathered.</summary>
    bool ReadsCategoryCounts => false;
}
