using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Imbalanced.Neighbors;
using Imbalanced.Randomness;

namespace Imbalanced.Clustering;

/// <summary>
/// Greedy k-means++ seeding (Arthur and Vassilvitskii, 2007, with scikit-learn's 2 + ln k local trials): each new
/// centre is the best of the trials, whose candidates are drawn with probability proportional to the squared distance
/// to the nearest centre so far. Squared distances are summed <see cref="Block"/> points at a time in point order,
/// then the blocks' sums in block order; a candidate is the first point whose running sum (the sum of the blocks
/// before its block plus its block's values up to it) exceeds the draw. All trials of a centre are measured in one
/// pass over the points, blocks on all threads, four candidates per vector with each distance added as
/// <see cref="DistanceMetric.Reduced"/> adds it (tested bit for bit); the centres do not depend on the thread count
/// (tested against the rule written plainly).
/// </summary>
internal static class KMeansPlusPlus
{
    /// <summary>Points whose squared distances are summed in order before their sum joins the running total.</summary>
    internal const int Block = 512;

    /// <summary>Candidates measured side by side in one vector.</summary>
    internal const int Lanes = 4;

    /// <summary>Blocks a thread takes at a time.</summary>
    private const int BlocksPerPart = 16;

    /// <summary>Fewest points for which the distances are found on more than one thread.</summary>
    private const int ParallelFrom = 4 * BlocksPerPart * Block;

    /// <summary>The <paramref name="k"/> seeded centres, row-major.</summary>
    public static double[] Seed(double[] points, int count, int dimensions, int k, SeededRandom rng, int threads)
    {
        var metric = DistanceMetric.Euclidean;
        var d = dimensions;
        var centers = new double[k * d];
        var first = rng.NextInt(count);
        points.AsSpan(first * d, d).CopyTo(centers);
        var blocks = (count + Block - 1) / Block;
        var parts = (blocks + BlocksPerPart - 1) / BlocksPerPart;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = count >= ParallelFrom ? Math.Max(1, threads) : 1,
        };
        // Every point's squared distance to its nearest centre so far; each block's sum of them; their running sums.
        var closest = new double[count];
        var blockSums = new double[blocks];
        var running = new double[blocks];
        void ForBlocks(Action<int, int, int> block) => Parallel.For(0, parts, parallel, part =>
        {
            var end = Math.Min(blocks, (part + 1) * BlocksPerPart);
            for (var b = part * BlocksPerPart; b < end; b++) block(b, b * Block, Math.Min(count, (b + 1) * Block));
        });
        ForBlocks((b, from, to) =>
        {
            var centre = points.AsSpan(first * d, d);
            var sum = 0.0;
            for (var i = from; i < to; i++)
            {
                closest[i] = metric.Reduced(points.AsSpan(i * d, d), centre);
                sum += closest[i];
            }
            blockSums[b] = sum;
        });
        var potential = Total(blockSums, running);
        var trials = 2 + (int)Math.Log(k);
        var candidates = new int[trials];
        // The candidates' values by dimension, four candidates side by side (the last repeated to fill a group).
        var groups = (trials + Lanes - 1) / Lanes;
        var across = new double[groups * Lanes * d];
        // Each trial's sums by block (trial-major).
        var trialSums = new double[trials * blocks];
        for (var c = 1; c < k; c++)
        {
            for (var t = 0; t < trials; t++)
                candidates[t] = Draw(closest, running, rng.NextDouble() * potential);
            for (var t = 0; t < groups * Lanes; t++)
            {
                var from = candidates[Math.Min(t, trials - 1)] * d;
                for (var j = 0; j < d; j++) across[(t / Lanes * d + j) * Lanes + t % Lanes] = points[from + j];
            }
            ForBlocks((b, from, to) =>
            {
                Span<Vector256<double>> sums = stackalloc Vector256<double>[groups];
                sums.Clear();
                for (var i = from; i < to; i++)
                {
                    var row = points.AsSpan(i * d, d);
                    var current = Vector256.Create(closest[i]);
                    for (var g = 0; g < groups; g++)
                        sums[g] += Vector256.Min(current, Reduced(row, across, g * d * Lanes));
                }
                for (var t = 0; t < trials; t++) trialSums[t * blocks + b] = sums[t / Lanes].GetElement(t % Lanes);
            });
            // The first trial with the smallest total, as trying them one after the other keeps it.
            var (best, smallest) = (0, double.PositiveInfinity);
            for (var t = 0; t < trials; t++)
            {
                var total = 0.0;
                for (var b = 0; b < blocks; b++) total += trialSums[t * blocks + b];
                if (total < smallest) (best, smallest) = (t, total);
            }
            var chosen = candidates[best];
            points.AsSpan(chosen * d, d).CopyTo(centers.AsSpan(c * d, d));
            ForBlocks((b, from, to) =>
            {
                var centre = points.AsSpan(chosen * d, d);
                for (var i = from; i < to; i++)
                    closest[i] = Math.Min(closest[i], metric.Reduced(points.AsSpan(i * d, d), centre));
                blockSums[b] = trialSums[best * blocks + b];
            });
            potential = Total(blockSums, running);
        }
        return centers;
    }

    /// <summary>The squared Euclidean distances from <paramref name="row"/> to four candidates stored by dimension
    /// from <paramref name="at"/> in <paramref name="across"/>, each added exactly as
    /// <see cref="DistanceMetric.Reduced"/> adds it for the Euclidean metric: the dimensions of each residue modulo 4
    /// in order (its four lanes), then those four sums in pairs, then the last dimensions in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector256<double> Reduced(ReadOnlySpan<double> row, double[] across, int at)
    {
        ref var values = ref MemoryMarshal.GetArrayDataReference(across);
        Vector256<double> Diff(ReadOnlySpan<double> row, ref double values, int j) =>
            Vector256.Create(row[j]) - Vector256.LoadUnsafe(ref values, (nuint)(at + j * Lanes));
        var (r0, r1, r2, r3) = (Vector256<double>.Zero, Vector256<double>.Zero, Vector256<double>.Zero,
            Vector256<double>.Zero);
        var j = 0;
        for (; j + 4 <= row.Length; j += 4)
        {
            var d0 = Diff(row, ref values, j);
            r0 += d0 * d0;
            var d1 = Diff(row, ref values, j + 1);
            r1 += d1 * d1;
            var d2 = Diff(row, ref values, j + 2);
            r2 += d2 * d2;
            var d3 = Diff(row, ref values, j + 3);
            r3 += d3 * d3;
        }
        var sum = (r0 + r1) + (r2 + r3);
        for (; j < row.Length; j++)
        {
            var dj = Diff(row, ref values, j);
            sum += dj * dj;
        }
        return sum;
    }

    /// <summary>The running sums of the blocks' sums into <paramref name="running"/>; returns the total.</summary>
    private static double Total(double[] blockSums, double[] running)
    {
        var sum = 0.0;
        for (var b = 0; b < blockSums.Length; b++)
        {
            sum += blockSums[b];
            running[b] = sum;
        }
        return sum;
    }

    /// <summary>The first point before the last whose running sum exceeds <paramref name="target"/>; the last point
    /// when none does (running sums never decrease: the distances are not negative).</summary>
    private static int Draw(double[] closest, double[] running, double target)
    {
        int lo = 0, hi = running.Length - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            if (running[mid] > target) hi = mid;
            else lo = mid + 1;
        }
        var last = closest.Length - 1;
        if (!(running[lo] > target)) return last;
        var before = lo > 0 ? running[lo - 1] : 0.0;
        var partial = 0.0;
        var end = Math.Min(closest.Length, (lo + 1) * Block);
        for (var i = lo * Block; i < end; i++)
        {
            partial += closest[i];
            if (before + partial > target) return i;
        }
        return end - 1;
    }
}
