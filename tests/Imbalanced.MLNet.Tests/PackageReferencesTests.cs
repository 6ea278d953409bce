namespace Imbalanced.MLNet.Tests;

public class PackageReferencesTests
{
    [Fact]
    public void The_ml_net_package_does_not_pull_in_the_io_package_or_parquet()
    {
        var references = typeof(BinaryThresholds).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.Contains("Imbalanced.Core", references);
        Assert.DoesNotContain("Imbalanced.IO", references);
        Assert.DoesNotContain(references, n => n.StartsWith("Parquet", StringComparison.Ordinal));
    }
}
