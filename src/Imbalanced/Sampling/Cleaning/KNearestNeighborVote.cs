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
                var best = 0;
                for (var c = 1; c < votes.Length; c++) if (votes[c] > votes[best]) best = c;
                predicted[first + i] = best;
            }
        });
        return predicted;
    }

    /// <summary>For each of <paramref name="queries"/>, the class of its nearest row of
    /// <paramref name="reference"/> (the 1-NN prediction of <see cref="Predict"/>) and the metric's reduced
    /// distance to that row (<see cref="DistanceMetric.Reduced"/>, the number the engine ranks by).</summary>
    public static (int[] Classes, double[] Reduced) Nearest(Dataset data, int[] reference, int[] queries,
        NeighborSearch search)
    {
        var index = search.BuildOfRows(data.Numeric, reference, data.NumericCount);
        var metric = search.EffectiveMetric;
        var classes = new int[queries.Length];
        var reduced = new double[queries.Length];
        ChunkedQueries.Each(index, data.Numeric, queries, 1, (first, found) =>
        {
            for (var i = 0; i < found.QueryCount; i++)
            {
                var nearest = reference[found.IndicesOf(i)[0]];
                classes[first + i] = data.Labels[nearest];
                reduced[first + i] = metric.Reduced(data.NumericRow(queries[first + i]), data.NumericRow(nearest));
            }
        });
        return (classes, reduced);
    }
}
