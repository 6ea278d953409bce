using Imbalanced.Data;
using Imbalanced.Sampling;
using Imbalanced.Tests.Support;

namespace Imbalanced.Tests.Sampling;

/// <summary>
/// The battery every registered sampler must pass, written once: a sampler added to
/// <see cref="SamplerRegistry"/> is checked here without any new test code.
/// </summary>
public class CommonSamplerChecks
{
    public static TheoryData<string> Samplers()
    {
        var data = new TheoryData<string>();
        foreach (var s in SamplerRegistry.All) data.Add(s.Name);
        return data;
    }

    private static SamplerInfo Info(string name) => SamplerRegistry.Find(name)!;

    private static ResampleResult Run(string name, Dataset data, SamplerSettings? settings = null) =>
        Info(name).Create(settings ?? new SamplerSettings { Seed = 7 }).FitResample(data);

    /// <summary>The data set in the kind of features the sampler takes.</summary>
    private static Dataset For(string name, Dataset data) => TestData.ForKind(Info(name).Features, data);

    private static SamplingType TypeOf(SamplerKind kind) => kind switch
    {
        SamplerKind.Over or SamplerKind.Combined => SamplingType.OverSampling,
        SamplerKind.Under => SamplingType.UnderSampling,
        _ => SamplingType.CleanSampling,
    };

    private static IEnumerable<SamplingStrategy> StrategiesFor(SamplerKind kind, Dataset data) => TypeOf(kind) switch
    {
        SamplingType.OverSampling => [SamplingStrategy.Auto, SamplingStrategy.All, SamplingStrategy.Minority,
            SamplingStrategy.Counts(new Dictionary<string, int> { [data.Classes[1]] = data.ClassCounts()[1] + 17 })],
        SamplingType.UnderSampling => [SamplingStrategy.Auto, SamplingStrategy.All, SamplingStrategy.Majority,
            SamplingStrategy.Counts(new Dictionary<string, int> { [data.Classes[0]] = 15 })],
        _ => [SamplingStrategy.Auto, SamplingStrategy.All, SamplingStrategy.Classes([data.Classes[0]])],
    };

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Class_counts_follow_the_strategy(string name)
    {
        var info = Info(name);
        foreach (var data in new[] { For(name, TestData.Binary()), For(name, TestData.ThreeClasses()) })
        {
            var before = data.ClassCounts();
            foreach (var strategy in StrategiesFor(info.Kind, data))
            {
                var result = Run(name, data, new SamplerSettings { Strategy = strategy, Seed = 3 });
                var after = result.ClassCounts();
                var resolved = strategy.Resolve(before, data.Classes, TypeOf(info.Kind));
                for (var c = 0; c < before.Length; c++)
                {
                    var targeted = resolved.TryGetValue(c, out var n);
                    switch (info.Kind)
                    {
                        case SamplerKind.Over when info.CountsAreExact: Assert.Equal(before[c] + (targeted ? n : 0), after[c]); break;
                        case SamplerKind.Over:
                            // Methods that round per seed, or skip classes with no border, stay near what was asked.
                            if (targeted) Assert.InRange(after[c], before[c], before[c] + n + before[c]);
                            else Assert.Equal(before[c], after[c]);
                            break;
                        case SamplerKind.Under when info.CountsAreExact: Assert.Equal(targeted ? n : before[c], after[c]); break;
                        case SamplerKind.Under when targeted: Assert.InRange(after[c], 0, before[c]); break; // NearMiss-3 short, IHT ties
                        case SamplerKind.Under: Assert.Equal(before[c], after[c]); break;
                        case SamplerKind.Cleaning: Assert.True(targeted ? after[c] <= before[c] : after[c] == before[c]); break;
                        default: Assert.True(after[c] >= 0); break;
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Originals_are_kept_unchanged_or_a_subset_is_returned(string name)
    {
        var data = For(name, TestData.ThreeClasses());
        var copy = data.Numeric.ToArray();
        var codes = data.Categorical.ToArray();
        var result = Run(name, data);
        Assert.Equal(copy, data.Numeric); // the input is never modified
        Assert.Equal(codes, data.Categorical);
        var output = result.ToDataset();
        if (Info(name).Kind == SamplerKind.Over)
            Assert.Equal(Enumerable.Range(0, data.RowCount), result.KeptRows);
        if (!Info(name).Synthesizes)
            Assert.Equal(0, result.SyntheticCount);
        Assert.True(result.KeptRows.SequenceEqual(result.KeptRows.Order()), "kept rows are in input order");
        for (var r = 0; r < result.KeptRows.Length; r++)
        {
            Assert.Equal(data.NumericRow(result.KeptRows[r]).ToArray(), output.NumericRow(r).ToArray());
            Assert.Equal(data.CategoricalRow(result.KeptRows[r]).ToArray(), output.CategoricalRow(r).ToArray());
            Assert.Equal(data.Labels[result.KeptRows[r]], output.Labels[r]);
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Provenance_explains_every_added_row(string name)
    {
        var data = For(name, TestData.ThreeClasses());
        var result = Run(name, data);
        var output = result.ToDataset();
        var added = output.Labels.Skip(result.KeptRows.Length).ToArray();
        Assert.True(added.SequenceEqual(added.Order()), "added rows are grouped by class in class order");
        for (var r = result.KeptRows.Length; r < result.RowCount; r++)
        {
            var o = result.Origin(r);
            Assert.True(o.Synthetic);
            var row = output.NumericRow(r);
            if (o.Source >= 0) Assert.Equal(data.NumericRow(o.Source).ToArray(), row.ToArray());
            var codes = output.CategoricalRow(r);
            for (var f = 0; f < codes.Length; f++) Assert.InRange(codes[f], 0, data.Categories[f].Count - 1);
            Assert.True(o.Base >= 0 || o.Source >= 0, "an added row names the row it was made from");
            if (o.Base >= 0) Assert.Equal(data.Labels[o.Base], output.Labels[r]);
            if (o.Neighbor >= 0)
            {
                var b = data.NumericRow(o.Base);
                var nb = data.NumericRow(o.Neighbor);
                for (var j = 0; j < row.Length; j++) Assert.Equal(b[j] + o.Gap * (nb[j] - b[j]), row[j], 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Same_seed_same_output_whatever_the_thread_count(string name)
    {
        // 24 dimensions: the SIMD index; overlapping classes so that every method has borders to work on.
        var data = For(name, Imbalanced.Synthetic.ClassificationGenerator.Generate(new Imbalanced.Synthetic.ClassificationOptions
        {
            Rows = 600, Features = 24, Informative = 3, Classes = 3, Weights = [0.8, 0.12], ClassSeparation = 0.5, Flip = 0.05, Seed = 5,
        }));
        // A low cluster balance threshold lets K-Means-SMOTE use clusters where the rarest class is thin; others ignore it.
        var settings = new SamplerSettings { Seed = 11, ClusterBalanceThreshold = 0.02 };
        var one = Run(name, data, settings with { Threads = 1 });
        var two = Run(name, data, settings with { Threads = 2 });
        var again = Run(name, data, settings);
        foreach (var other in new[] { two, again })
        {
            Assert.Equal(one.KeptRows, other.KeptRows);
            Assert.Equal(one.Added.Numeric, other.Added.Numeric);
            Assert.Equal(one.Added.Categorical, other.Added.Categorical);
            Assert.Equal(one.Added.Labels, other.Added.Labels);
            Assert.Equal(one.AddedOrigins, other.AddedOrigins);
        }
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Works_with_string_integer_and_boolean_labels(string name)
    {
        var strings = For(name, TestData.Blobs([40, 9], ["no", "yes"]));
        var ints = For(name, TestData.Blobs([40, 9], [0, 1]));
        var bools = For(name, TestData.Blobs([40, 9], [false, true]));
        Assert.Equal(["no", "yes"], Run(name, strings).ToDataset().Classes.Labels);
        Assert.Equal(["0", "1"], Run(name, ints).ToDataset().Classes.Labels);
        Assert.Equal(["False", "True"], Run(name, bools).ToDataset().Classes.Labels);
        var numeric = For(name, TestData.Blobs([30, 10, 8], [10, 9, 100]));
        Assert.Equal(["9", "10", "100"], numeric.Classes.Labels); // numeric class order
        Assert.Equal(3, Run(name, numeric).ClassCounts().Length);
    }

    [Theory]
    [MemberData(nameof(Samplers))]
    public void Bad_inputs_are_data_errors(string name)
    {
        var info = Info(name);
        var oneClass = For(name, TestData.Blobs([20], ["only"]));
        var e = Assert.Throws<DataException>(() => Run(name, oneClass));
        Assert.Contains("one class", e.Message);

        var data = For(name, TestData.Binary());
        var withMissing = data.NumericCount > 0
            ? data.WithRows(data.Numeric.Select((v, i) => i == 4 ? double.NaN : v).ToArray(), data.Categorical, data.Labels)
            : data.WithRows(data.Numeric, data.Categorical.Select((v, i) => i == 4 ? -1 : v).ToArray(), data.Labels);
        if (!info.AllowsMissing)
            Assert.Contains("empty cell", Assert.Throws<DataException>(() => Run(name, withMissing)).Message);

        var numeric = TestData.Binary();
        var mixed = TestData.ForKind(FeatureKinds.Mixed, numeric);
        switch (info.Features)
        {
            case FeatureKinds.Numeric when !info.AllowsCategorical:
                Assert.Contains("'colour'", Assert.Throws<DataException>(() => Run(name, mixed)).Message);
                break;
            case FeatureKinds.Mixed:
                Assert.Contains("smote", Assert.Throws<DataException>(() => Run(name, numeric)).Message);
                Assert.Contains("smoten", Assert.Throws<DataException>(() => Run(name, TestData.ForKind(FeatureKinds.Categorical, numeric))).Message);
                break;
            case FeatureKinds.Categorical:
                // Numeric columns are categories too, as in imbalanced-learn's SMOTEN.
                Assert.True(Run(name, mixed).RowCount > mixed.RowCount);
                break;
            default:
                Run(name, mixed);
                break;
        }

        if (info.Parameters.Any(p => p.Name == "k_neighbors"))
        {
            var small = For(name, TestData.Blobs([30, 5], ["big", "small"]));
            var k = Assert.Throws<DataException>(() => Run(name, small, new SamplerSettings { KNeighbors = 5 }));
            Assert.Contains("'small'", k.Message);
            Assert.Contains("5 row", k.Message);
        }
    }
}
