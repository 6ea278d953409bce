namespace Imbalanced.MLNet.Tests;

/// <summary>The programs in samples/ build with the solution and run here, so CI keeps them working.</summary>
public class SampleTests
{
    [Fact]
    public void Fraud_detection_sample_runs()
    {
        var output = new StringWriter();
        Assert.Equal(0, Samples.FraudDetection.Program.Run(output));
        Assert.Contains("threshold tuned for F2", output.ToString());
        Assert.Contains("PR-AUC", output.ToString());
    }

    [Fact]
    public void Multiclass_sample_runs()
    {
        var output = new StringWriter();
        Assert.Equal(0, Samples.MulticlassGlass.Program.Run(output));
        Assert.Contains("SMOTE-ENN", output.ToString());
        Assert.Contains("balanced bagging", output.ToString());
    }

    [Fact]
    public void Churn_pipeline_sample_runs_on_the_bundled_table()
    {
        var output = new StringWriter();
        var csv = Path.Combine(AppContext.BaseDirectory, "Fixtures", "wa_churn_full.csv");
        Assert.Equal(0, Samples.ChurnPipeline.Program.Run(output, csv));
        Assert.Contains("SMOTE-NC + FastTree on held-out customers", output.ToString());
        Assert.Contains("served a new customer without a label", output.ToString());
    }
}
