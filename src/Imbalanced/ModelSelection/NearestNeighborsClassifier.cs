using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.ModelSelection;

/// <summary>
/// The k-nearest-neighbours classifier on the project's neighbour engine: the probability of class c is the
/// (weighted) share of c among a row's k nearest training rows. A dependency-free learner for the core library.
/// </summary>
/// <param name="k">Neighbours that vote (5).</param>
/// <param name="search">The neighbour engine.</param>
public sealed class NearestNeighborsClassifier(int k = 5, NeighborSearch? search = null) : IClassifier
{
    /// <inheritdoc />
    public IClassifierModel Fit(Dataset train, IReadOnlyList<double>? weights = null)
    {
        if (train.RowCount == 0) throw new DataException("cannot fit on no rows");
        var kk = Math.Min(k, train.RowCount);
        var index = (search ?? NeighborSearch.Default).Build(train.Numeric, train.RowCount, train.NumericCount);
        return new Model(index, train.Labels, train.Classes.Count, kk, weights?.ToArray());
    }

    private sealed class Model(
        INeighborIndex index, int[] labels, int classes, int k, double[]? weights) : IClassifierModel
    {
        public double[] PredictProbabilities(Dataset data)
        {
            var found = index.Query(data.Numeric, k);
            var probabilities = new double[data.RowCount * classes];
            for (var i = 0; i < data.RowCount; i++)
            {
                var total = 0.0;
                foreach (var j in found.IndicesOf(i))
                {
                    var w = weights?[j] ?? 1.0;
                    probabilities[i * classes + labels[j]] += w;
                    total += w;
                }
                for (var c = 0; c < classes; c++) probabilities[i * classes + c] /= total;
            }
            return probabilities;
        }
    }
}
