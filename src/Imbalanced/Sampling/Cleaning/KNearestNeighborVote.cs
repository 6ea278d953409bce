using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>The 1-nearest-neighbour rule CNN and OSS classify with (scikit-learn's
/// <c>KNeighborsClassifier(n_neighbors=1)</c>, or k neighbours by majority vote, ties to the first class).</summary>
internal static class KNearestNeighborVote
{
    /// <summary>The class predicted for each of <paramref name="queries"/> by the rows
    /// <paramref name="reference"/>.</summary>
    public static int[] Predict(Dataset data, int[] reference, int[] queries, int k, NeighborSearch search)
    {
        var k2 = Math.Min(k, reference.Length);
        var index = search.Build(data.Select(reference).Numeric, reference.Length, data.NumericCount);
        var found = index.Query(data.Select(queries).Numeric, k2);
        var votes = new int[data.Classes.Count];
        var predicted = new int[queries.Length];
        for (var i = 0; i < queries.Length; i++)
        {
            Array.Clear(votes);
            foreach (var j in found.IndicesOf(i)) votes[data.Labels[reference[j]]]++;
            var best = 0;
            for (var c = 1; c < votes.Length; c++) if (votes[c] > votes[best]) best = c;
            predicted[i] = best;
        }
        return predicted;
    }
}
