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
        // Regression methods take a numeric target, not classes: their own checks are in Sampling/Regression.
        foreach (var s in SamplerRegistry.All.Where(s => s.Kind != SamplerKind.Regression)) data.Add(s.Name);
        return data;
    }

    public static TheoryData<string> SamplersOf(SamplerKind kind)
    {
        var data = new TheoryData<string>();
        foreach (var s in SamplerRegistry.All.Where(s => s.Kind == kind)) data.Add(s.Name);
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
                        case SamplerKind.Over when info.CountsAreExact:
                            Assert.Equal(before[c] + (targeted ? n : 0), after[c]);
                            break;
                        case SamplerKind.Over:
                            // Methods that round per seed, or skip classes with no border, stay near what was asked.
                            if (targeted) Assert.InRange(after[c], before[c], before[c] + n + before[c]);
                            else Assert.Equal(before[c], after[c]);
                            break;
                        case SamplerKind.Under when info.CountsAreExact:
                            Assert.Equal(targeted ? n : before[c], after[c]);
                            break;
                        case SamplerKind.Under when targeted:
                            Assert.InRange(after[c], 0, before[c]); // NearMiss-3 short, IHT ties
                            break;
                        case SamplerKind.Under: Assert.Equal(before[c], after[c]); break;
                        case SamplerKind.Cleaning:
                            Assert.True(targeted ? after[c] <= before[c] : after[c] == before[c]);
                            break;
                        case SamplerKind.Combined: break; // below, against what the over-sampling step made
                        default: throw new Xunit.Sdk.XunitException($"no count check for {info.Kind}");
                    }
                }
                if (info.Kind == SamplerKind.Combined && OverSamplingStepOf(name) is null)
                {
                    // Cleaning by moving rows: each moved row is dropped and added back, so counts are exact.
                    for (var c = 0; c < before.Length; c++)
                        Assert.Equal(before[c] + (resolved.TryGetValue(c, out var n) ? n : 0), after[c]);
                }
                else if (info.Kind == SamplerKind.Combined)
                {
                    // The over-sampling step makes exactly the strategy's counts; the cleaning can only take away.
                    var settings = new SamplerSettings { Strategy = strategy, Seed = 3 };
                    var step = Run(OverSamplingStepOf(name)!, data, settings);
                    var made = step.ClassCounts();
                    for (var c = 0; c < before.Length; c++)
                    {
                        Assert.Equal(before[c] + (resolved.TryGetValue(c, out var n) ? n : 0), made[c]);
                        Assert.InRange(after[c], 0, made[c]);
                    }
                    AssertPartOf(step, result);
                }
            }
        }
    }

    /// <summary>The over-sampler a combined sampler starts with, run with the same settings; null for one that
    /// cleans by moving rows as it grows the classes (ccr).</summary>
    private static string? OverSamplingStepOf(string name) => name switch
    {
        "smote-tomek" or "smote-enn" or "smote-ipf" => "smote",
        "ccr" => null,
        _ => throw new Xunit.Sdk.XunitException($"name the over-sampling step of the combined sampler '{name}' here"),
    };

    /// <summary>Every row of <paramref name="part"/> is a row of <paramref name="whole"/>: the same input rows, and
    /// the added rows found in the same order with the same values, label and provenance.</summary>
    private static void AssertPartOf(ResampleResult whole, ResampleResult part)
    {
        Assert.Subset(whole.KeptRows.ToHashSet(), part.KeptRows.ToHashSet());
        var j = 0;
        for (var i = 0; i < part.Added.RowCount; i++, j++)
        {
            while (j < whole.Added.RowCount && whole.AddedOrigins[j] != part.AddedOrigins[i]) j++;
            Assert.True(j < whole.Added.RowCount, $"added row {i} is not a row the over-sampling step made");
            Assert.Equal(whole.Added.NumericRow(j).ToArray(), part.Added.NumericRow(i).ToArray());
            Assert.Equal(whole.Added.Labels[j], part.Added.Labels[i]);
        }
    }

    /// <summary>What a cleaner must remove from <see cref="Planted"/> when it cleans class 'maj'.</summary>
    [Flags]
    private enum MustRemove
    {
        /// <summary>The 'maj' rows planted 0.001 from a 'min' row: each is a Tomek link, and every near neighbour
        /// of it is a 'min' row, so nearest-neighbour editing removes it.</summary>
        Intruders = 1,

        /// <summary>All but one row of a tight blob far from the other classes: once one blob row is in the
        /// condensed store, the store classifies the others correctly by 1-NN.</summary>
        Redundant = 2,
    }

    private static MustRemove MustRemoveOf(string name) => name switch
    {
        "tomek-links" or "enn" or "renn" or "allknn" or "ncr" => MustRemove.Intruders,
        "cnn" => MustRemove.Redundant,
        "oss" => MustRemove.Intruders | MustRemove.Redundant, // condensing, then Tomek links
        _ => throw new Xunit.Sdk.XunitException($"say what the cleaner '{name}' must remove from the planted case"),
    };

    /// <summary>Three classes in two dimensions, far apart: 'min', a cluster of 12 rows around (0, 0); 'maj', a tight
    /// blob of 30 rows around (20, 20) plus 3 intruders, each 0.001 from a different 'min' row; 'mid', a tight blob
    /// of 20 rows around (-20, 20). Rows are shuffled.</summary>
    private sealed record Planted(Dataset Data, int[] Intruders, int[] MajorityBlob, int[] MiddleBlob)
    {
        public static Planted Make()
        {
            var rng = new Imbalanced.Randomness.SeededRandom(5);
            var rows = new List<double[]>();
            var labels = new List<string>();
            void Add(string label, double x, double y, double sd)
            {
                rows.Add([x + sd * rng.NextGaussian(), y + sd * rng.NextGaussian()]);
                labels.Add(label);
            }
            for (var i = 0; i < 12; i++) Add("min", 0, 0, 0.5);
            for (var i = 0; i < 30; i++) Add("maj", 20, 20, 0.3);
            for (var i = 0; i < 20; i++) Add("mid", -20, 20, 0.3);
            foreach (var twin in new[] { 0, 4, 8 }) Add("maj", rows[twin][0] + 0.001, rows[twin][1], 0);
            var order = Enumerable.Range(0, rows.Count).ToArray();
            rng.Shuffle(order.AsSpan());
            var at = new int[order.Length]; // original position -> shuffled row
            for (var r = 0; r < order.Length; r++) at[order[r]] = r;
            var data = Dataset.FromRows(order.Select(i => rows[i]).ToArray(), order.Select(i => labels[i]).ToArray());
            int[] Rows(int from, int count) => Enumerable.Range(from, count).Select(i => at[i]).Order().ToArray();
            return new Planted(data, Rows(62, 3), Rows(12, 30), Rows(42, 20));
        }
    }

    [Theory]
    [MemberData(nameof(SamplersOf), SamplerKind.Cleaning)]
    public void Cleaners_remove_what_they_must_and_keep_the_classes_they_do_not_clean(string name)
    {
        var p = Planted.Make();
        var classes = p.Data.Classes;
        foreach (var (strategy, cleaned) in new[]
        {
            (SamplingStrategy.Classes(["maj"]), new[] { "maj" }),
            (SamplingStrategy.Auto, new[] { "maj", "mid" }), // auto cleans every class but the minority
        })
        {
            var result = Run(name, p.Data, new SamplerSettings { Strategy = strategy, Seed = 3 });
            var kept = result.KeptRows.ToHashSet();
            for (var r = 0; r < p.Data.RowCount; r++)
                if (!cleaned.Contains(classes[p.Data.Labels[r]]))
                    Assert.True(kept.Contains(r), $"cleaning {string.Join("+", cleaned)}: row {r} was removed");
            var must = MustRemoveOf(name);
            if (must.HasFlag(MustRemove.Intruders))
                Assert.All(p.Intruders, r => Assert.DoesNotContain(r, kept));
            if (must.HasFlag(MustRemove.Redundant))
            {
                Assert.InRange(p.MajorityBlob.Count(kept.Contains), 0, 1);
                if (cleaned.Contains("mid")) Assert.InRange(p.MiddleBlob.Count(kept.Contains), 0, 1);
            }
        }
    }

    [Theory]
    [MemberData(nameof(SamplersOf), SamplerKind.Combined)]
    public void Combined_samplers_clean_what_they_made(string name)
    {
        var p = Planted.Make();
        var settings = new SamplerSettings { Seed = 3 };
        var result = Run(name, p.Data, settings);
        if (OverSamplingStepOf(name) is null)
        {
            // Cleaning by moving: each intruder lies inside its twin's sphere, so it is dropped and added back moved,
            // with its input row as base.
            Assert.Equal([33, 33, 33], result.ClassCounts());
            Assert.All(p.Intruders, r => Assert.DoesNotContain(r, result.KeptRows));
            Assert.All(p.Intruders, r => Assert.Contains(result.AddedOrigins, o => o.Base == r));
            return;
        }
        var step = Run(OverSamplingStepOf(name)!, p.Data, settings);
        Assert.Equal([33, 33, 33], step.ClassCounts()); // auto: every class grows to the majority's 33
        AssertPartOf(step, result);
        // The cleaning, over every class, removes the intruders: each is a Tomek link with its twin, and its near
        // neighbours are all 'min' rows.
        Assert.All(p.Intruders, r => Assert.DoesNotContain(r, result.KeptRows));
        Assert.True(result.RowCount < step.RowCount);
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
        var options = new Imbalanced.Synthetic.ClassificationOptions
        {
            Rows = 600,
            Features = 24,
            Informative = 3,
            Classes = 3,
            Weights = [0.8, 0.12],
            ClassSeparation = 0.5,
            Flip = 0.05,
            Seed = 5,
        };
        var data = For(name, Imbalanced.Synthetic.ClassificationGenerator.Generate(options));
        // A low cluster balance threshold lets K-Means-SMOTE use clusters where the rarest class is thin;
        // others ignore it.
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
            ? data.WithRows(data.Numeric.Select((v, i) => i == 4 ? double.NaN : v).ToArray(),
                data.Categorical, data.Labels)
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
                Assert.Contains("smoten", Assert.Throws<DataException>(() =>
                    Run(name, TestData.ForKind(FeatureKinds.Categorical, numeric))).Message);
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
