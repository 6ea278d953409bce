using CsCheck;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.OverSampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

public class GeometricSmoteTests
{
    private static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var j = 0; j < a.Length; j++) s += (a[j] - b[j]) * (a[j] - b[j]);
        return Math.Sqrt(s);
    }

    /// <summary>Where a new row may lie, from the definition: some admissible surface point s of its centre c
    /// (one of c's k nearest rows of the class, or c's nearest row of the other classes, as the selection
    /// strategy allows) puts it in the ball of radius r = ‖s − c‖ around c, with q = (x − c)/r on the side the
    /// truncation allows (q·v ≥ α − 1 for α &gt; 0, q·v ≤ α + 1 for α &lt; 0) and its part perpendicular to
    /// v within (1 − β)·√(1 − (q·v)²).</summary>
    [Fact]
    public void New_rows_lie_in_the_truncated_deformed_hypersphere_of_their_centre()
    {
        GeometricSelection[] selections =
            [GeometricSelection.Combined, GeometricSelection.Minority, GeometricSelection.Majority];
        Gen.Select(Gen.Int[20, 60], Gen.Int[7, 15], Gen.Int[1, 4], Gen.Double[-1, 1], Gen.Double[0, 1],
                Gen.Int[0, 2], Gen.Long)
            .Sample((major, minor, dims, alpha, beta, which, seed) =>
            {
                var selection = selections[which];
                var data = TestData.Blobs([major, minor], ["maj", "min"], dims, seed);
                var result = new GeometricSmote(new GeometricSmoteOptions
                {
                    TruncationFactor = alpha,
                    DeformationFactor = beta,
                    SelectionStrategy = selection,
                    Seed = seed,
                }).FitResample(data);
                Assert.Equal(major - minor, result.SyntheticCount);
                var rows = data.RowsOfClass(1);
                var others = data.RowsOfClass(0);
                var same = NeighborSearch.Default.Build(data.Select(rows).Numeric, rows.Length, dims)
                    .QuerySelf(5, includeSelf: false);
                for (var i = 0; i < result.SyntheticCount; i++)
                {
                    var o = result.AddedRowOrigins[i];
                    var b = Array.IndexOf(rows, o.Base);
                    Assert.True(b >= 0, "the centre is a row of the class");
                    var c = data.NumericRow(o.Base).ToArray();
                    var x = result.Added.NumericRow(i).ToArray();
                    var nearestOther = others.OrderBy(r => Distance(data.NumericRow(r), c)).First();
                    var candidates = selection switch
                    {
                        GeometricSelection.Minority => same.IndicesOf(b).ToArray().Select(j => rows[j]),
                        GeometricSelection.Majority => [nearestOther],
                        _ => same.IndicesOf(b).ToArray().Select(j => rows[j]).Append(nearestOther),
                    };
                    Assert.Contains(candidates, s => Inside(c, data.NumericRow(s).ToArray(), x, alpha, beta));
                }
            }, iter: 40);
    }

    private static bool Inside(double[] c, double[] s, double[] x, double alpha, double beta)
    {
        var r = Distance(s, c);
        if (r == 0) return Distance(x, c) == 0;
        var q = x.Select((v, j) => (v - c[j]) / r).ToArray();
        var along = q.Select((v, j) => v * (s[j] - c[j]) / r).Sum();
        var perpendicularSquared = q.Sum(v => v * v) - along * along;
        const double eps = 1e-9;
        return Math.Abs(along) <= 1 + eps
            && (alpha <= 0 || along >= alpha - 1 - eps)
            && (alpha >= 0 || along <= alpha + 1 + eps)
            && perpendicularSquared <= (1 - beta) * (1 - beta) * Math.Max(0, 1 - along * along) + eps;
    }

    /// <summary>With truncation 1, deformation 1 and the minority strategy, Geometric SMOTE is SMOTE-like: every
    /// new row lies on the segment from its centre to one of its k nearest rows of the class, recorded as
    /// neighbour and gap in [0, 1].</summary>
    [Fact]
    public void Full_truncation_and_deformation_with_the_minority_strategy_lie_on_smote_segments()
    {
        var data = TestData.ThreeClasses();
        var result = new GeometricSmote(new GeometricSmoteOptions
        {
            TruncationFactor = 1,
            DeformationFactor = 1,
            SelectionStrategy = GeometricSelection.Minority,
            Seed = 3,
        }).FitResample(data);
        Assert.Equal([50, 50, 50], result.ClassCounts());
        foreach (var c in new[] { 1, 2 })
            SegmentChecks.OnSegmentsToSameClassNeighbors(data, result, c, 5, o => o.Gap < 1);
        Assert.All(result.AddedRowOrigins, o => Assert.InRange(o.Gap, 0, 1));
    }

    /// <summary>The majority strategy uses the centre's nearest row of the other classes; with deformation 1 the
    /// new row is on the line through the two and is recorded with that row as neighbour.</summary>
    [Fact]
    public void The_majority_strategy_moves_towards_the_nearest_row_of_the_other_classes()
    {
        var data = TestData.Binary();
        var result = new GeometricSmote(new GeometricSmoteOptions
        {
            DeformationFactor = 1,
            SelectionStrategy = GeometricSelection.Majority,
            Seed = 8,
        }).FitResample(data);
        var others = data.RowsOfClass(0);
        foreach (var o in result.AddedRowOrigins)
        {
            var c = data.NumericRow(o.Base).ToArray();
            Assert.Equal(others.OrderBy(r => Distance(data.NumericRow(r), c)).ThenBy(r => r).First(), o.Neighbor);
            Assert.InRange(o.Gap, 0, 1);
        }
    }

    /// <summary>Without truncation or deformation the new rows fill the ball: about half lie on each side of the
    /// hyperplane through the centre perpendicular to the axis (the definition's uniform draw in the ball); with
    /// truncation 1 none lies on the far side.</summary>
    [Fact]
    public void Truncation_zero_fills_both_halves_and_truncation_one_keeps_the_near_half()
    {
        var data = TestData.Blobs([2000, 30], ["maj", "min"], 3, 2);
        double FarShare(double alpha)
        {
            var result = new GeometricSmote(new GeometricSmoteOptions
            {
                TruncationFactor = alpha,
                DeformationFactor = 1, // on the axis, so that the side can be read off the gap
                SelectionStrategy = GeometricSelection.Minority,
                Seed = 1,
            }).FitResample(data);
            return result.AddedRowOrigins.Count(o => o.Gap < 0) / (double)result.SyntheticCount;
        }
        Assert.InRange(FarShare(0), 0.45, 0.55);
        Assert.Equal(0, FarShare(1));
        Assert.Equal(1, FarShare(-1));
    }

    [Fact]
    public void Same_seed_same_rows_other_seed_other_rows()
    {
        var data = TestData.ThreeClasses();
        var a = new GeometricSmote(new GeometricSmoteOptions { Seed = 1 }).FitResample(data);
        SegmentChecks.SameAdded(a, new GeometricSmote(new GeometricSmoteOptions { Seed = 1 }).FitResample(data));
        Assert.NotEqual(a.Added.Numeric, new GeometricSmote(new GeometricSmoteOptions { Seed = 2 })
            .FitResample(data).Added.Numeric);
    }

    [Theory]
    [InlineData(1.5, 0.0, "TruncationFactor")]
    [InlineData(-1.01, 0.0, "TruncationFactor")]
    [InlineData(0.0, -0.1, "DeformationFactor")]
    [InlineData(0.0, 1.1, "DeformationFactor")]
    public void Out_of_range_factors_are_refused(double alpha, double beta, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new GeometricSmote(new GeometricSmoteOptions
        {
            TruncationFactor = alpha,
            DeformationFactor = beta,
        }).FitResample(TestData.Binary()));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void Registered_with_the_packages_parameters_and_defaults()
    {
        var info = SamplerRegistry.Find("gsmote")!;
        Assert.Equal(["k_neighbors", "truncation_factor", "deformation_factor", "selection_strategy"],
            info.Parameters.Select(p => p.Name));
        Assert.Equal([5, 1.0, 0.0, GeometricSelection.Combined], info.Parameters.Select(p => p.Default));
    }
}
