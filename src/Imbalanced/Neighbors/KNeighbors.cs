namespace Imbalanced.Neighbors;

/// <summary>The k nearest neighbours of each query: indices into the indexed points and distances, each query's
/// row sorted by distance, then by lower index.</summary>
public sealed class KNeighbors
{
    /// <summary>Creates a result from row-major <c>queries × k</c> arrays.</summary>
    public KNeighbors(int k, int[] indices, double[] distances)
    {
        K = k;
        Indices = indices;
        Distances = distances;
    }

    /// <summary>Neighbours per query.</summary>
    public int K { get; }

    /// <summary>Number of queries.</summary>
    public int QueryCount => K == 0 ? 0 : Indices.Length / K;

    /// <summary>Row-major neighbour indices, <c>queries × k</c>.</summary>
    public int[] Indices { get; }

    /// <summary>Row-major distances, <c>queries × k</c>.</summary>
    public double[] Distances { get; }

    /// <summary>Neighbour indices of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<int> IndicesOf(int query) => Indices.AsSpan(query * K, K);

    /// <summary>Distances of query <paramref name="query"/>.</summary>
    public ReadOnlySpan<double> DistancesOf(int query) => Distances.AsSpan(query * K, K);
}
