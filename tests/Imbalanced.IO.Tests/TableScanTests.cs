using Imbalanced.Data;

namespace Imbalanced.IO.Tests;

/// <summary>The one-pass summary (<see cref="TableScan"/>) says what reading the whole table says, and refuses what
/// it refuses, with the same messages.</summary>
public class TableScanTests
{
    private static string Write(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"imbalanced-scan-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, text);
        return path;
    }

    private static ImbalanceSummary Whole(string path, string target, string[]? drop = null) =>
        ImbalanceSummary.Of(TableDataset.Build(TableReader.Read(path), target, drop));

    public static TheoryData<string> Tables =>
    [
        "id,amount,kind,label\n1,10.5,a,no\n2,,b,no\n3,7,,yes\n4,1e3,a,no\n5,-2,\"b,c\",maybe\n",
        "label;x;note\nyes;1;\"two\nlines\"\nno;2;plain\n\nno;3;\"quoted \"\"q\"\"\"\n",
        "\uFEFFx\ty\tlabel\n1\t2\tB\n3\t4\tA\n5\t\tA\n6\tn/a\tB\n",
    ];

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_one_pass_summary_equals_the_whole_table_summary(string text)
    {
        var path = Write(text);
        try
        {
            var expected = Whole(path, "label");
            var actual = TableScan.Summarize(path, "label");
            Assert.Equal(expected.Rows, actual.Rows);
            Assert.Equal(expected.Classes, actual.Classes);
            Assert.Equal((expected.Majority, expected.Minority), (actual.Majority, actual.Minority));
            Assert.Equal(expected.ImbalanceRatio, actual.ImbalanceRatio);
            Assert.Equal(expected.NumericFeatures, actual.NumericFeatures);
            Assert.Equal(expected.CategoricalFeatures, actual.CategoricalFeatures);
            Assert.Equal(expected.Missing, actual.Missing);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("x,label\n1,a\n2,\n", "label", null)]
    [InlineData("x,label\n1,a\nInfinity,b\n", "label", null)]
    [InlineData("x,label\n1,a\n", "target", null)]
    [InlineData("x,label\n1,a\n", "label", "y")]
    [InlineData("x,label\n", "label", null)]
    [InlineData("x,label\n1,a,3\n", "label", null)]
    public void It_refuses_what_reading_the_whole_table_refuses_with_the_same_message(string text, string target,
        string? drop)
    {
        var path = Write(text);
        try
        {
            string[]? dropped = drop is null ? null : [drop];
            var expected = Assert.Throws<DataException>(() => Whole(path, target, dropped));
            var actual = Assert.Throws<DataException>(() => TableScan.Summarize(path, target, dropped));
            Assert.Equal(expected.Message, actual.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
