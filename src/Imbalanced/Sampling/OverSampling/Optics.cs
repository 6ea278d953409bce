using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.OverSampling;

/// <summary>The quantities of OPTICS (Ankerst, Breunig, Kriegel and Sander, SIGMOD 1999) that SMOBD uses, computed
/// as scikit-learn's <c>OPTICS</c> computes them: core distances, reachability distances along the cluster
/// ordering, and how many points lie within the radius of each.</summary>
/// <param name="CoreDistances">Distance to the <c>minSamples</c>-th nearest point, the point itself counted
/// first; infinity above the radius.</param>
/// <param name="Reachability">Reachability distance of each point in the ordering; infinity for a point no
/// earlier core point reaches within the radius (always the first point).</param>
/// <param name="WithinRadius">Points within the radius of each point, itself included.</param>
internal sealed record Optics(double[] CoreDistances, double[] Reachability, int[] WithinRadius)
{
    /// <summary>OPTICS over the <paramref name="count"/> points of <paramref name="points"/> (row-major).</summary>
    /// <param name="search">The neighbour engine.</param>
    /// <param name="points">The points, row-major.</param>
    /// <param name="count">How many.</param>
    /// <param name="minSamples">Points, the point itself included, that make a core point (at least 1).</param>
    /// <param name="maxEps">The radius (may be infinity).</param>
    public static Optics Compute(NeighborSearch search, double[] points, int count, int minSamples, double maxEps)
    {
        var d = points.Length / count;
        var metric = search.EffectiveMetric;
        var core = new double[count];
        if (minSamples > 1)
        {
            var nearest = search.Build(points, count, d).QuerySelf(minSamples - 1, includeSelf: false);
            for (var i = 0; i < count; i++) core[i] = nearest.DistancesOf(i)[minSamples - 2];
        }
        for (var i = 0; i < count; i++) if (core[i] > maxEps) core[i] = double.PositiveInfinity;
        var reach = Enumerable.Repeat(double.PositiveInfinity, count).ToArray();
        var within = new int[count];
        var processed = new bool[count];
        for (var step = 0; step < count; step++)
        {
            // The next point: the unprocessed one with the smallest reachability, ties to the lower index.
            var point = -1;
            for (var i = 0; i < count; i++)
                if (!processed[i] && (point < 0 || reach[i] < reach[point])) point = i;
            processed[point] = true;
            // Every point within the radius, in any order (the updates are minima): a scan of the points rather than
            // a query for all of them sorted, which allocated two arrays of all the points at every step.
            var here = points.AsSpan(point * d, d);
            for (var q = 0; q < count; q++)
            {
                var distance = metric.FromReduced(metric.Reduced(here, points.AsSpan(q * d, d)));
                if (distance > maxEps) continue;
                within[point]++;
                if (processed[q] || double.IsPositiveInfinity(core[point])) continue;
                reach[q] = Math.Min(reach[q], Math.Max(distance, core[point]));
            }
        }
        return new Optics(core, reach, within);
    }
}
