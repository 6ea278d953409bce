namespace Imbalanced.Neighbors;

/// <summary>
/// An index over a fixed set of points that answers k-nearest-neighbour queries exactly: ties are broken by
/// distance, then by lower index, and answers do not depend on the number of threads. An approximate index
/// can implement it too, saying so in its documentation.
/// </summary>
public interface INeighborIndex
{
    /// <summary>Number of indexed points.</summary>
    int Count { get; }

    /// <summary>Dimension of the points.</summary>
    int Dimensions { get; }

    /// <summary>The <paramref name="k"/> nearest indexed points of each query point (row-major,
    /// <c>Dimensions</c> wide).</summary>
    KNeighbors Query(ReadOnlySpan<double> queries, int k);

    /// <summary>The <paramref name="k"/> nearest indexed points of every indexed point; with
    /// <paramref name="includeSelf"/> false the point itself (by index) is never its own neighbour.</summary>
    KNeighbors QuerySelf(int k, bool includeSelf);
}
