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
/// pass over the points, blocks on all threads, as many candidates per vector as the widest accelerated width holds
/// (8 with AVX-512, 4 with AVX, 2 with SSE or NEON), each distance added as <see cref="DistanceMetric.Reduced"/> adds
/// it (tested bit for bit at every width). The same pass brings each point's distance to its nearest centre up to date
/// with the centre chosen last (one more candidate in the vectors); a block a draw falls in is brought up to date
/// first. The centres do not depend on the thread count or the width (tested against the rule written plainly).
/// </summary>
internal static class KMeansPlusPlus
{
    /// <summary>Points whose squared distances are summed in order before their sum joins the running total.</summary>
    internal const int Block = 512;

    /// <summary>Blocks a thread takes at a time.</summary>
    private const int BlocksPerPart = 16;

    /// <summary>Fewest points for which the distances are found on more than one thread.</summary>
    private const int ParallelFrom = 4 * BlocksPerPart * Block;

    /// <summary>The <paramref name="k"/> seeded centres, row-major, measured at <paramref name="width"/> (the
    /// widest the hardware accelerates by default; <see cref="VectorWidth.None"/> stands for 128 bits).</summary>
    public static double[] Seed(double[] points, int count, int dimensions, int k, SeededRandom rng, int threads,
        VectorWidth width = VectorWidth.Auto) => Resolve(width) switch
        {
            VectorWidth.W512 => Seed<Double512, Vector512<double>>(points, count, dimensions, k, rng, threads),
            VectorWidth.W256 => Seed<Double256, Vector256<double>>(points, count, dimensions, k, rng, threads),
            _ => Seed<Double128, Vector128<double>>(points, count, dimensions, k, rng, threads),
        };

    /// <summary>The width <see cref="VectorWidth.Auto"/> stands for here: the widest the hardware accelerates
    /// (128 bits when none is: the runtime then emulates it).</summary>
    internal static VectorWidth Resolve(VectorWidth width) => width != VectorWidth.Auto ? width
        : Vector512.IsHardwareAccelerated ? VectorWidth.W512
        : Vector256.IsHardwareAccelerated ? VectorWidth.W256
        : VectorWidth.W128;

    private static double[] Seed<TLanes, TVector>(double[] points, int count, int dimensions, int k, SeededRandom rng,
        int threads)
        where TLanes : struct, IDoubleLanes<TVector>
        where TVector : unmanaged
    {
        var metric = DistanceMetric.Euclidean;
        var d = dimensions;
        var lanes = TLanes.Count;
        var centers = new double[k * d];
        var first = rng.NextInt(count);
        points.AsSpan(first * d, d).CopyTo(centers);
        var blocks = (count + Block - 1) / Block;
        var parts = (blocks + BlocksPerPart - 1) / BlocksPerPart;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = count >= ParallelFrom ? Math.Max(1, threads) : 1,
        };
        // Every point's squared distance to its nearest centre so far (but the centre chosen last, in
        // `pending`: a block catches up with it in the next pass, or before a draw falls in it); each block's sum of
        // them (the chosen centre's included); their running sums.
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
        // Slot 0: the pending centre; slots 1 to `trials`: the candidates (the last repeated to fill the last vector).
        // Values by dimension, `lanes` slots side by side.
        var groups = (trials + lanes) / lanes;
        var across = new double[groups * lanes * d];
        // Each trial's sums by block (trial-major).
        var trialSums = new double[trials * blocks];
        var pending = first;
        for (var c = 1; c < k; c++)
        {
            for (var t = 0; t < trials; t++)
                candidates[t] = Draw(points, d, closest, running, rng.NextDouble() * potential, pending);
            for (var s = 0; s < groups * lanes; s++)
            {
                var from = (s == 0 ? pending : candidates[Math.Min(s - 1, trials - 1)]) * d;
                for (var j = 0; j < d; j++) across[(s / lanes * d + j) * lanes + s % lanes] = points[from + j];
            }
            ForBlocks((b, from, to) =>
            {
                Span<TVector> sums = stackalloc TVector[groups];
                sums.Clear();
                for (var i = from; i < to; i++)
                {
                    var row = points.AsSpan(i * d, d);
                    var head = Reduced<TLanes, TVector>(row, across, 0);
                    var nearest = Math.Min(closest[i], TLanes.Element(head, 0));
                    closest[i] = nearest;
                    var current = TLanes.Broadcast(nearest);
                    sums[0] = TLanes.Add(sums[0], TLanes.Min(current, head));
                    for (var g = 1; g < groups; g++)
                        sums[g] = TLanes.Add(sums[g],
                            TLanes.Min(current, Reduced<TLanes, TVector>(row, across, g * d * lanes)));
                }
                for (var t = 0; t < trials; t++)
                    trialSums[t * blocks + b] = TLanes.Element(sums[(t + 1) / lanes], (t + 1) % lanes);
            });
            // The first trial with the smallest total, as trying them one after the other keeps it.
            var (best, smallest) = (0, double.PositiveInfinity);
            for (var t = 0; t < trials; t++)
            {
                var total = 0.0;
                for (var b = 0; b < blocks; b++) total += trialSums[t * blocks + b];
                if (total < smallest) (best, smallest) = (t, total);
            }
            pending = candidates[best];
            points.AsSpan(pending * d, d).CopyTo(centers.AsSpan(c * d, d));
            Array.Copy(trialSums, best * blocks, blockSums, 0, blocks);
            potential = Total(blockSums, running);
        }
        return centers;
    }

    /// <summary>The squared Euclidean distances from <paramref name="row"/> to the candidates stored by dimension
    /// from <paramref name="at"/> in <paramref name="across"/>, one per lane, each added exactly as
    /// <see cref="DistanceMetric.Reduced"/> adds it for the Euclidean metric: the dimensions of each residue modulo 4
    /// in order (four accumulators), then those four sums in pairs, then the last dimensions in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static TVector Reduced<TLanes, TVector>(ReadOnlySpan<double> row, double[] across, int at)
        where TLanes : struct, IDoubleLanes<TVector>
        where TVector : unmanaged
    {
        ref var values = ref MemoryMarshal.GetArrayDataReference(across);
        var lanes = TLanes.Count;
        TVector Square(ReadOnlySpan<double> row, ref double values, int j)
        {
            var diff = TLanes.Subtract(TLanes.Broadcast(row[j]), TLanes.Load(ref values, (nuint)(at + j * lanes)));
            return TLanes.Multiply(diff, diff);
        }
        var (r0, r1, r2, r3) = (TLanes.Zero, TLanes.Zero, TLanes.Zero, TLanes.Zero);
        var j = 0;
        for (; j + 4 <= row.Length; j += 4)
        {
            r0 = TLanes.Add(r0, Square(row, ref values, j));
            r1 = TLanes.Add(r1, Square(row, ref values, j + 1));
            r2 = TLanes.Add(r2, Square(row, ref values, j + 2));
            r3 = TLanes.Add(r3, Square(row, ref values, j + 3));
        }
        var sum = TLanes.Add(TLanes.Add(r0, r1), TLanes.Add(r2, r3));
        for (; j < row.Length; j++) sum = TLanes.Add(sum, Square(row, ref values, j));
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
    /// when none does (running sums never decrease: the distances are not negative). The block searched is first
    /// brought up to date with the centre <paramref name="pending"/> (again, if it was: taking the smaller distance
    /// twice changes nothing).</summary>
    private static int Draw(double[] points, int d, double[] closest, double[] running, double target, int pending)
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
        var centre = points.AsSpan(pending * d, d);
        for (var i = lo * Block; i < end; i++)
            closest[i] = Math.Min(closest[i], DistanceMetric.Euclidean.Reduced(points.AsSpan(i * d, d), centre));
        for (var i = lo * Block; i < end; i++)
        {
            partial += closest[i];
            if (before + partial > target) return i;
        }
        return end - 1;
    }
}
