using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>The nearest-neighbour rule OSS classifies with, and CNN's lists (<see cref="NearestStored"/>) vote as
/// (scikit-learn's <c>KNeighborsClassifier(n_neighbors=1)</c>, or k neighbours by majority vote, ties to the first
/// class).</summary>
internal static class KNearestNeighborVote
{
    /// <summary>The class predicted for each of <paramref name="queries"/> by the rows
    /// <paramref name="reference"/>.</summary>
    public static int[] Predict(Dataset data, int[] reference, int[] queries, int k, NeighborSearch search)
    {
        var k2 = Math.Min(k, reference.Length);
        // The reference rows are indexed in place and the queries asked a chunk at a time: copies of them took as
        // much memory again as the table (one-sided selection asks about nearly every majority row).
        var index = search.BuildOfRows(data.Numeric, reference, data.NumericCount);
        var votes = new int[data.Classes.Count];
        var predicted = new int[queries.Length];
        ChunkedQueries.Each(index, data.Numeric, queries, k2, (first, found) =>
        {
            for (var i = 0; i < found.QueryCount; i++)
            {
                Array.Clear(votes);
                foreach (var j in found.IndicesOf(i)) votes[data.Labels[reference[j]]]++;
                predicted[first + i] = Majority(votes);
            }
        });
        return predicted;
    }

    /// <summary>The class with the most votes; a tie goes to the first class.</summary>
    public static int Majority(ReadOnlySpan<int> votes)
    {
        var best = 0;
        for (var c = 1; c < votes.Length; c++) if (votes[c] > votes[best]) best = c;
        return best;
    }
}
