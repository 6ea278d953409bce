using Imbalanced.MLNet;
using Imbalanced.Sampling.OverSampling;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Samples.ChurnPipeline;

/// <summary>
/// Churn on a real table with categorical columns and empty cells (data/wa_churn.csv, 26.5% churners): SMOTE-NC
/// resamples the raw columns — the categories as categories — before the featurizing pipeline is fitted, the model
/// is saved, loaded in a fresh context and serves a customer without a label.
/// </summary>
public static class Program
{
    private static readonly string[] Categorical = ["internet_service", "contract", "payment_method"];
    private static readonly string[] Numeric = ["senior_citizen", "tenure", "monthly_charges", "total_charges"];

    public static int Main(string[] args)
    {
        var csv = args.Length > 0 ? args[0] : "data/wa_churn.csv";
        if (File.Exists(csv)) return Run(Console.Out, csv);
        Console.Error.WriteLine($"error: {csv} not found; run from the repository root or pass the table's path");
        return 1;
    }

    public static int Run(TextWriter output, string csv)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Customer>(csv, new TextLoader.Options
        { HasHeader = true, Separators = [','], AllowQuoting = true, MissingRealsAsNaNs = true });
        var split = ml.Data.StratifiedTrainTestSplit(data, testFraction: 0.3, seed: 1);

        // Imputation is fitted on the training rows; SMOTE-NC then resamples the raw columns (text columns are
        // categorical), and one-hot encoding and the trainer are fitted on the resampled rows. Only Fit resamples.
        var chain = ml.Transforms.Categorical.OneHotEncoding([.. Categorical.Select(c => new InputOutputColumnPair(c))])
            .Append(ml.Transforms.Concatenate("Features", [.. Categorical, .. Numeric]))
            .Append(ml.BinaryClassification.Trainers.FastTree(numberOfLeaves: 8, numberOfTrees: 50));
        var pipeline = ml.Transforms.ReplaceMissingValues("total_charges")
            .Append(chain.WithResampling(new SmoteNc(new SmoteNcOptions { Seed = 0 })));
        var model = pipeline.Fit(split.TrainSet);

        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        output.WriteLine("SMOTE-NC + FastTree on held-out customers: " +
                         $"PR-AUC {metrics.AreaUnderPrecisionRecallCurve:0.000}, " +
                         $"recall of churners {metrics.PositiveRecall:0.000}");

        var path = Path.Combine(Path.GetTempPath(), $"churn-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, data.Schema, path);
            var serving = new MLContext();
            var engine = serving.Model.CreatePredictionEngine<CustomerRequest, ChurnPrediction>(
                serving.Model.Load(path, out _));
            var customer = new CustomerRequest
            {
                Tenure = 2,
                Contract = "Month-to-month",
                InternetService = "Fiber optic",
                PaymentMethod = "Electronic check",
                MonthlyCharges = 90,
                TotalCharges = 180,
            };
            var prediction = engine.Predict(customer);
            output.WriteLine($"served a new customer without a label: churn {prediction.PredictedLabel}, " +
                             $"probability {prediction.Probability:0.000}");
        }
        finally
        {
            File.Delete(path);
        }
        return 0;
    }
}

/// <summary>A row of wa_churn.csv: the label (ML.NET reads "Yes"/"No" as Boolean), numbers and categories.</summary>
public sealed class Customer
{
    [LoadColumn(0), ColumnName("Label")] public bool Churn { get; set; }
    [LoadColumn(2), ColumnName("senior_citizen")] public float SeniorCitizen { get; set; }
    [LoadColumn(5), ColumnName("tenure")] public float Tenure { get; set; }
    [LoadColumn(8), ColumnName("internet_service")] public string InternetService { get; set; } = "";
    [LoadColumn(15), ColumnName("contract")] public string Contract { get; set; } = "";
    [LoadColumn(17), ColumnName("payment_method")] public string PaymentMethod { get; set; } = "";
    [LoadColumn(18), ColumnName("monthly_charges")] public float MonthlyCharges { get; set; }
    [LoadColumn(19), ColumnName("total_charges")] public float TotalCharges { get; set; }
}

/// <summary>A customer to score: no label.</summary>
public sealed class CustomerRequest
{
    [ColumnName("senior_citizen")] public float SeniorCitizen { get; set; }
    [ColumnName("tenure")] public float Tenure { get; set; }
    [ColumnName("internet_service")] public string InternetService { get; set; } = "";
    [ColumnName("contract")] public string Contract { get; set; } = "";
    [ColumnName("payment_method")] public string PaymentMethod { get; set; } = "";
    [ColumnName("monthly_charges")] public float MonthlyCharges { get; set; }
    [ColumnName("total_charges")] public float TotalCharges { get; set; }
}

/// <summary>The prediction served.</summary>
public sealed class ChurnPrediction
{
    public bool PredictedLabel { get; set; }
    public float Probability { get; set; }
}
