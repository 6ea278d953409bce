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
    /// <see cref="Mode"/> breaks them). Rows of other classes always stay.
    /// </summary>
    public static int[] EditedKeep(Dataset data, ICollection<int> targeted, int k, bool mode, NeighborSearch search) =>
        EditedKeep(data, targeted, Neighbors(data, k, search), mode);

    /// <summary>The k nearest neighbours of every row (itself excluded), as the editing rules read them.</summary>
    public static KNeighbors Neighbors(Dataset data, int k, NeighborSearch search)
    {
        DataChecks.RequireNumericComplete(data, "edited nearest neighbours");
        return search.Build(data.Numeric, data.RowCount, data.NumericCount).QuerySelf(k, includeSelf: false);
    }

    /// <summary>The same pass with the neighbours already found (see <see cref="Neighbors"/>).</summary>
    public static int[] EditedKeep(Dataset data, ICollection<int> targeted, KNeighbors neighbors, bool mode)
    {
        var keep = new List<int>(data.RowCount);
        var votes = new int[data.Classes.Count];
        for (var i = 0; i < data.RowCount; i++)
        {
            var label = data.Labels[i];
            if (!targeted.Contains(label) || Agrees(data, neighbors.IndicesOf(i), label, mode, votes)) keep.Add(i);
        }
        return [.. keep];
    }

    /// <summary>Whether the neighbours' labels agree with <paramref name="label"/> ('all' or 'mode').</summary>
    public static bool Agrees(Dataset data, ReadOnlySpan<int> neighbors, int label, bool mode, int[] votes)
    {
        if (!mode)
        {
            foreach (var j in neighbors) if (data.Labels[j] != label) return false;
            return true;
        }
        return Mode(data, neighbors, votes) == label;
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
        ArgumentNullException.ThrowIfNull(votes);
        Array.Clear(votes);
        foreach (var j in neighbors) votes[data.Labels[j]]++;
        var best = 0;
        for (var c = 1; c < votes.Length; c++) if (votes[c] > votes[best]) best = c;
        if (data.Classes.IsNumeric) return best;
        foreach (var j in neighbors) if (votes[data.Labels[j]] == votes[best]) return data.Labels[j];
        return best;
    }
}
