using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>
/// Which rows of a class lie on the border (Han, Wang and Mao, 2005), as imbalanced-learn's
/// <c>_in_danger_noise</c>: among a row's <c>m</c> nearest neighbours in the whole data set (itself excluded),
/// count those of another class, <c>m'</c>. A row is in <em>danger</em> when <c>m/2 ≤ m' &lt; m</c> and
/// <em>noise</em> when <c>m' = m</c>.
/// </summary>
internal static class DangerSets
{
    /// <summary>For each row of <paramref name="rows"/> (all of class <paramref name="classCode"/>), how many of its
    /// <paramref name="m"/> nearest neighbours in <paramref name="data"/> belong to another class.</summary>
    public static int[] OtherClassNeighbors(Dataset data, INeighborIndex all, int classCode, int[] rows, int m)
    {
        var neighbors = IndexedQueries.OfRows(all, data.Numeric, rows, m);
        var counts = new int[rows.Length];
        for (var i = 0; i < rows.Length; i++)
            foreach (var j in neighbors.IndicesOf(i))
                if (data.Labels[j] != classCode) counts[i]++;
        return counts;
    }

    /// <summary>The rows of <paramref name="rows"/> in danger: <c>m/2 ≤ m' &lt; m</c>.</summary>
    public static int[] Danger(Dataset data, INeighborIndex all, int classCode, int[] rows, int m)
    {
        var counts = OtherClassNeighbors(data, all, classCode, rows, m);
        return rows.Where((_, i) => counts[i] >= m / 2.0 && counts[i] < m).ToArray();
    }

    /// <summary>The rows of <paramref name="rows"/> that are noise: all <c>m</c> neighbours of another class.</summary>
    public static int[] Noise(Dataset data, INeighborIndex all, int classCode, int[] rows, int m)
    {
        var counts = OtherClassNeighbors(data, all, classCode, rows, m);
        return rows.Where((_, i) => counts[i] == m).ToArray();
    }
}
