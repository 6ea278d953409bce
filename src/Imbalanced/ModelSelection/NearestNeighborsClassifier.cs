using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The k-nearest-neighbours classifier on the project's neighbour engine: the probability of class c is the
/// (weighted) share of c among a row's k nearest training rows. A dependency-free learner for the core library.
/// </summary>
/// <param name="k">Neighbours that vote (5).</param>
/// <param name="search">The neighbour engine.</param>
public sealed class NearestNeighborsClassifier(int k = 5, NeighborSearch? search = null) : IInPlaceClassifier
{
    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        if (train.RowCount == 0) throw new DataException("cannot fit on no rows");
        var kk = Math.Min(k, train.RowCount);
        var index = (search ?? NeighborSearch.Default).Build(train.Numeric, train.RowCount, train.NumericCount);
        return new Model(index, train.Labels, train.Classes.Count, kk, weights?.ToArray());
    }

    /// <summary>The index is built over the training rows where they stand and the test rows are asked a chunk at a
    /// time (<see cref="ChunkedQueries"/>): the answers, so the probabilities, are those of a model fitted on a copy
    /// of the training rows.</summary>
    double[] IInPlaceClassifier.FitPredict(Dataset data, int[] train, int[] test)
    {
        if (train.Length == 0) throw new DataException("cannot fit on no rows");
        var kk = Math.Min(k, train.Length);
        var index = (search ?? NeighborSearch.Default).BuildOfRows(data.Numeric, train, data.NumericCount);
        var classes = data.Classes.Count;
        var probabilities = new double[test.Length * classes];
        ChunkedQueries.Each(index, data.Numeric, test, kk, (first, found) =>
        {
            for (var i = 0; i < found.QueryCount; i++)
                Vote(found.IndicesOf(i), j => data.Labels[train[j]], null,
                    probabilities.AsSpan((first + i) * classes, classes));
        });
        return probabilities;
    }

    /// <summary>The (weighted) share of each class among the neighbours <paramref name="found"/>.</summary>
    private static void Vote(ReadOnlySpan<int> found, Func<int, int> labelOf, double[]? weights,
        Span<double> probabilities)
    {
        var total = 0.0;
        foreach (var j in found)
        {
            var w = weights?[j] ?? 1.0;
            probabilities[labelOf(j)] += w;
            total += w;
        }
        for (var c = 0; c < probabilities.Length; c++) probabilities[c] /= total;
    }

    private sealed class Model(
        INeighborIndex index, int[] labels, int classes, int k, double[]? weights) : IClassifierModel
    {
        public double[] PredictProbabilities(Dataset data)
        {
            var found = index.Query(data.Numeric, k);
            var probabilities = new double[data.RowCount * classes];
            for (var i = 0; i < data.RowCount; i++)
                Vote(found.IndicesOf(i), j => labels[j], weights, probabilities.AsSpan(i * classes, classes));
            return probabilities;
        }
    }
}
