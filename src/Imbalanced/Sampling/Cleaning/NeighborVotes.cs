using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>Edited-nearest-neighbours votes, the step ENN, RENN, AllKNN, NCR and SMOTE-ENN share.</summary>
internal static class NeighborVotes
{
    /// <summary>
    /// Rows to keep after one pass of Wilson's editing: a row of a targeted class stays when its k nearest
    /// neighbours (itself excluded) all share its class (<paramref name="mode"/> false, imbalanced-learn's
    /// <c>kind_sel='all'</c>), or when their most common class is its own (<paramref name="mode"/> true, ties as
    /// <see cref="Mode(Dataset, ReadOnlySpan{int}, int[])"/> breaks them). Rows of other classes always stay.
    /// </summary>
    public static int[] EditedKeep(Dataset data, ICollection<int> targeted, int k, bool mode, NeighborSearch search) =>
        EditedKeep(data, null, targeted, k, mode, search);

    /// <summary>The same pass over rows <paramref name="rows"/> of <paramref name="data"/> only (all rows when
    /// <see langword="null"/>), each row's neighbours found among those rows, read in place where the engine can
    /// (see <see cref="NeighborSearch.BuildOfRows"/>); returns positions in <paramref name="rows"/>.</summary>
    public static int[] EditedKeep(Dataset data, int[]? rows, ICollection<int> targeted, int k, bool mode,
        NeighborSearch search) => EditedKeep(data, rows, targeted, Neighbors(data, rows, k, search), mode);

    /// <summary>The k nearest neighbours of every row (itself excluded), as the editing rules read them.</summary>
    public static KNeighbors Neighbors(Dataset data, int k, NeighborSearch search) => Neighbors(data, null, k, search);

    /// <summary>The k nearest neighbours of rows <paramref name="rows"/> (all when <see langword="null"/>) among
    /// themselves, numbered as positions in <paramref name="rows"/>.</summary>
    private static KNeighbors Neighbors(Dataset data, int[]? rows, int k, NeighborSearch search)
    {
        DataChecks.RequireNumericComplete(data, "edited nearest neighbours");
        return Index(data, rows, search).QuerySelf(k, includeSelf: false);
    }

    /// <summary>An index over the numeric features of rows <paramref name="rows"/> of <paramref name="data"/> (all
    /// when <see langword="null"/>), read in place where the engine can (see
    /// <see cref="NeighborSearch.BuildOfRows"/>); its points are numbered as positions in <paramref name="rows"/>.
    /// </summary>
    public static INeighborIndex Index(Dataset data, int[]? rows, NeighborSearch search) => rows is null
        ? search.Build(data.Numeric, data.RowCount, data.NumericCount)
        : search.BuildOfRows(data.Numeric, rows, data.NumericCount);

    /// <summary>The same pass with the neighbours already found (see
    /// <see cref="Neighbors(Dataset, int, NeighborSearch)"/>).</summary>
    public static int[] EditedKeep(Dataset data, ICollection<int> targeted, KNeighbors neighbors, bool mode) =>
        EditedKeep(data, null, targeted, neighbors, mode);

    /// <summary>The pass over rows <paramref name="rows"/> (all when <see langword="null"/>) with their
    /// neighbours, numbered as positions in <paramref name="rows"/>; returns the positions kept.</summary>
    private static int[] EditedKeep(Dataset data, int[]? rows, ICollection<int> targeted, KNeighbors neighbors,
        bool mode) => EditedKeep(rows is null ? data.Labels : [.. rows.Select(r => data.Labels[r])], data.Classes,
            targeted, neighbors, mode);

    /// <summary>The pass over points of classes <paramref name="labels"/> (codes of <paramref name="classes"/>)
    /// with their neighbours (numbered as points): the points kept.</summary>
    public static int[] EditedKeep(int[] labels, ClassSet classes, ICollection<int> targeted, KNeighbors neighbors,
        bool mode) => EditedKeep(labels, classes, targeted, neighbors.Indices, neighbors.K, mode);

    /// <summary>The same pass with the neighbours as row-major <paramref name="neighbors"/>, <paramref name="k"/>
    /// per point (read for the points of targeted classes only).</summary>
    public static int[] EditedKeep(int[] labels, ClassSet classes, ICollection<int> targeted, int[] neighbors, int k,
        bool mode)
    {
        var keep = new List<int>(labels.Length);
        var votes = new int[classes.Count];
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (!targeted.Contains(label)
                || Agrees(labels, classes.IsNumeric, neighbors.AsSpan(i * k, k), label, mode, votes))
                keep.Add(i);
        }
        return [.. keep];
    }

    /// <summary>Whether the neighbours' labels agree with <paramref name="label"/> ('all' or 'mode').</summary>
    public static bool Agrees(Dataset data, ReadOnlySpan<int> neighbors, int label, bool mode, int[] votes) =>
        Agrees(data.Labels, data.Classes.IsNumeric, neighbors, label, mode, votes);

    /// <summary>Whether the neighbours' classes in <paramref name="labels"/> agree with <paramref name="label"/>
    /// ('all' or 'mode'; <paramref name="numericClasses"/> as <see cref="ClassSet.IsNumeric"/>).</summary>
    private static bool Agrees(int[] labels, bool numericClasses, ReadOnlySpan<int> neighbors, int label, bool mode,
        int[] votes)
    {
        if (!mode)
        {
            foreach (var j in neighbors) if (labels[j] != label) return false;
            return true;
        }
        return Mode(labels, numericClasses, neighbors, votes) == label;
    }

    /// <summary>
    /// The most common class among the neighbours (given nearest first). A tie goes as imbalanced-learn 0.10's
    /// SciPy 1.10 <c>mode</c> breaks it on the labels pandas reads: numeric labels (<see cref="ClassSet.IsNumeric"/>)
    /// to the smallest (NumPy's <c>unique</c>), other labels to the tied one met first in neighbour order
    /// (<c>collections.Counter</c> on an object array).
    /// </summary>
    public static int Mode(Dataset data, ReadOnlySpan<int> neighbors, int[] votes)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Mode(data.Labels, data.Classes.IsNumeric, neighbors, votes);
    }

    private static int Mode(int[] labels, bool numericClasses, ReadOnlySpan<int> neighbors, int[] votes)
    {
        ArgumentNullException.ThrowIfNull(votes);
        Array.Clear(votes);
        foreach (var j in neighbors) votes[labels[j]]++;
        var best = KNearestNeighborVote.Majority(votes);
        if (numericClasses) return best;
        foreach (var j in neighbors) if (votes[labels[j]] == votes[best]) return labels[j];
        return best;
    }
}
