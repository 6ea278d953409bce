using Imbalanced.Sampling.OverSampling;
using Imbalanced.Sampling.UnderSampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary><c>WithResampling</c> on a whole estimator chain: the raw columns (numbers, text, Boolean label) are
/// resampled before any featurizer is fitted, SMOTE-NC gets the categorical columns by name, and the fitted model
/// serves rows without a label.</summary>
public class ResamplingEstimatorTests
{
    private static readonly string Csv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wa_churn_subset.csv");
    private static readonly string[] Categorical = ["internet_service", "contract", "payment_method"];
    private static readonly string[] Numeric = ["senior_citizen", "tenure", "monthly_charges", "total_charges"];

    // Empty cells read as NaN (ML.NET reads them as 0 unless asked).
    private static IDataView Load(MLContext ml) => ml.Data.LoadFromTextFile<Customer>(Csv,
        new TextLoader.Options
        {
            HasHeader = true,
            Separators = [','],
            AllowQuoting = true,
            MissingRealsAsNaNs = true,
        });

    private static IEstimator<ITransformer> Featurizer(MLContext ml) =>
        ml.Transforms.Categorical.OneHotEncoding([.. Categorical.Select(c => new InputOutputColumnPair(c))])
            .Append(ml.Transforms.Concatenate("Features", [.. Categorical, .. Numeric]));

    private static IEstimator<ITransformer> Tree(MLContext ml) =>
        ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 4, numberOfTrees: 20,
            minimumExampleCountPerLeaf: 2);

    // The three empty total_charges cells are imputed by a step fitted on the training data, before resampling.
    private static IEstimator<ITransformer> Imputer(MLContext ml) =>
        ml.Transforms.ReplaceMissingValues("total_charges");

    [Fact]
    public void Smote_nc_resamples_the_raw_columns_before_the_chain_is_fitted()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var spy = new SpyEstimator();
        var sampler = new SmoteNc(new SmoteNcOptions { Seed = 3 });
        Imputer(ml).Append(spy.Append(Featurizer(ml)).Append(Tree(ml)).WithResampling(sampler)).Fit(data);

        var seen = spy.Seen!;
        var labels = seen.GetColumn<bool>("Label").ToArray();
        Assert.Equal(220, labels.Count(l => !l));
        Assert.Equal(220, labels.Count(l => l));
        // Every categorical value of a synthetic row is one of the column's own values, read as text.
        foreach (var column in Categorical)
        {
            var original = data.GetColumn<string>(column).ToHashSet();
            Assert.All(seen.GetColumn<string>(column), v => Assert.Contains(v, original));
        }
        // The rows the chain saw are the input's 300 rows (imputed) and 140 new positive ones.
        var tenure = seen.GetColumn<float>("tenure").ToArray();
        Assert.Equal(data.GetColumn<float>("tenure"), tenure.Take(300));
        Assert.Equal(seen.Schema.Select(c => (c.Name, c.Type)), Imputer(ml).Fit(data).Transform(data).Schema
            .Where(c => !c.IsHidden).Select(c => (c.Name, c.Type)));
    }

    [Fact]
    public void A_numeric_column_named_categorical_keeps_its_values()
    {
        var ml = new MLContext(0);
        var spy = new SpyEstimator();
        var sampler = new SmoteNc(new SmoteNcOptions
        {
            Seed = 1,
            CategoricalFeatures = [.. Categorical, "senior_citizen"],
        });
        Imputer(ml).Append(spy.Append(Featurizer(ml)).Append(Tree(ml)).WithResampling(sampler)).Fit(Load(ml));

        var senior = spy.Seen!.GetColumn<float>("senior_citizen").ToArray();
        Assert.Equal(440, senior.Length);
        Assert.All(senior, v => Assert.True(v is 0f or 1f, $"senior_citizen {v}"));
        // tenure is interpolated: some synthetic values fall between the integers of the data.
        var tenure = spy.Seen!.GetColumn<float>("tenure").Skip(300).ToArray();
        Assert.Contains(tenure, v => v != MathF.Round(v));
    }

    [Fact]
    public void The_fitted_model_is_saved_loaded_and_serves_rows_without_a_label()
    {
        var ml = new MLContext(0);
        var data = Load(ml);
        var pipeline = Imputer(ml).Append(Featurizer(ml).Append(Tree(ml))
            .WithResampling(new SmoteNc(new SmoteNcOptions { Seed = 2 })));
        var model = pipeline.Fit(data);
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-resampled-chain-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var fresh = new MLContext(5);
            var engine = fresh.Model.CreatePredictionEngine<CustomerRequest, ChurnPrediction>(
                fresh.Model.Load(path, out _));
            var scored = model.Transform(data);
            var expected = scored.GetColumn<float>("Probability").ToArray();
            var served = ml.Data.CreateEnumerable<Customer>(data, reuseRowObject: false)
                .Select(c => engine.Predict(CustomerRequest.Of(c)).Probability).ToArray();
            Assert.Equal(expected, served);
            // Resampling made the model see as many churners as stayers: its mean probability is far above the
            // 27% churn rate of the data, unlike the same chain fitted without resampling.
            var plain = Imputer(ml).Append(Featurizer(ml).Append(Tree(ml))).Fit(data).Transform(data)
                .GetColumn<float>("Probability").Average();
            Assert.True(expected.Average() > plain + 0.05, $"resampled {expected.Average()}, plain {plain}");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_resampled_chain_cross_validates_with_ml_nets_own_cross_validation()
    {
        var ml = new MLContext(0);
        var pipeline = Imputer(ml).Append(Featurizer(ml).Append(Tree(ml))
            .WithResampling(new RandomUnderSampler(new RandomUnderSamplerOptions { Seed = 1 })));
        var folds = ml.BinaryClassification.CrossValidate(Load(ml), pipeline, numberOfFolds: 3);
        Assert.Equal(3, folds.Count);
        Assert.All(folds, f => Assert.InRange(f.Metrics.AreaUnderRocCurve, 0.6, 1.0));
    }

    [Fact]
    public void A_key_label_and_its_key_values_survive_resampling()
    {
        var ml = new MLContext(0);
        var data = ml.Transforms.Conversion.MapValueToKey("Label", "contract").Fit(Load(ml)).Transform(Load(ml));
        var spy = new SpyEstimator();
        var chain = spy.Append(ml.Transforms.Concatenate("Features", "tenure", "monthly_charges"))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedContract", "PredictedLabel"))
            .WithResampling(new RandomOverSampler(new RandomOverSamplerOptions { Seed = 1 }));
        var scored = chain.Fit(data).Transform(data);

        var counts = spy.Seen!.GetColumn<uint>("Label").GroupBy(k => k).Select(g => g.Count()).Distinct();
        Assert.Single(counts);
        VBuffer<ReadOnlyMemory<char>> keys = default;
        spy.Seen!.Schema["Label"].GetKeyValues(ref keys);
        Assert.Equal(data.GetColumn<string>("contract").Distinct().Order(),
            keys.DenseValues().Select(k => k.ToString()).Order());
        Assert.Subset(data.GetColumn<string>("contract").ToHashSet(),
            scored.GetColumn<string>("PredictedContract").ToHashSet());
    }

    [Fact]
    public void A_numeric_only_sampler_on_text_columns_says_so_in_library_language()
    {
        var ml = new MLContext(0);
        var chain = Featurizer(ml).Append(Tree(ml)).WithResampling(new Smote());
        var error = Assert.Throws<DataException>(() => Imputer(ml).Append(chain).Fit(Load(ml)));
        Assert.Contains("'internet_service'", error.Message);
        Assert.Contains("not numeric", error.Message);
        Assert.DoesNotContain("--", error.Message);
    }

    /// <summary>What the README warns of: with its defaults ML.NET's text loader reads an empty numeric cell as 0,
    /// which neither an imputer nor a sampler can tell from a real 0; <c>MissingRealsAsNaNs</c> keeps it
    /// missing.</summary>
    [Fact]
    public void ML_NET_reads_an_empty_numeric_cell_as_zero_unless_asked()
    {
        var ml = new MLContext(0);
        var plain = ml.Data.LoadFromTextFile<Customer>(Csv, hasHeader: true, separatorChar: ',', allowQuoting: true)
            .GetColumn<float>("total_charges").ToArray();
        var asked = Load(ml).GetColumn<float>("total_charges").ToArray();
        Assert.DoesNotContain(plain, float.IsNaN);
        var empty = Enumerable.Range(0, asked.Length).Where(i => float.IsNaN(asked[i])).ToArray();
        Assert.NotEmpty(empty);
        Assert.All(empty, i => Assert.Equal(0f, plain[i]));
    }

    [Fact]
    public void Missing_values_and_unreadable_columns_are_named()
    {
        var ml = new MLContext(0);
        var chain = Featurizer(ml).Append(Tree(ml)).WithResampling(new SmoteNc());
        var missing = Assert.Throws<DataException>(() => chain.Fit(Load(ml)));
        Assert.Contains("total_charges", missing.Message);

        var withText = ml.Transforms.Text.TokenizeIntoWords("words", "contract").Fit(Load(ml)).Transform(Load(ml));
        var unreadable = Assert.Throws<DataException>(() => chain.Fit(withText));
        Assert.Contains("'words'", unreadable.Message);

        var noLabel = Featurizer(ml).Append(Tree(ml)).WithResampling(new SmoteNc(), labelColumnName: "churned");
        Assert.Contains("'churned'", Assert.Throws<DataException>(() => noLabel.Fit(Load(ml))).Message);
    }

    /// <summary>An estimator that remembers the data it was fitted on and adds nothing to the model.</summary>
    private sealed class SpyEstimator : IEstimator<ITransformer>
    {
        public IDataView? Seen { get; private set; }

        public ITransformer Fit(IDataView input)
        {
            Seen = input;
            return new MLContext().Transforms.CopyColumns("spy_tenure", "tenure").Fit(input);
        }

        public SchemaShape GetOutputSchema(SchemaShape inputSchema) =>
            new MLContext().Transforms.CopyColumns("spy_tenure", "tenure").GetOutputSchema(inputSchema);
    }
}
