using Imbalanced.Data;

namespace Imbalanced.Tests.Data;

public class ImbalanceSummaryAdviceTests
{
    private static string AdviceOf(params int[] counts) => ImbalanceSummary.Of(
        ClassSet.FromDistinct(counts.Select((_, c) => $"c{c}")), counts, [], []).Advice;

    [Fact]
    public void The_advice_fits_the_ratio_and_one_class_is_said_to_be_no_classification_problem()
    {
        Assert.StartsWith("One class only: a classifier needs rows of at least two classes", AdviceOf(40));
        Assert.StartsWith("Classes are roughly balanced", AdviceOf(50, 40));
        Assert.StartsWith("Mild imbalance", AdviceOf(100, 40));
        Assert.StartsWith("Imbalanced:", AdviceOf(400, 40));
        Assert.StartsWith("Severely imbalanced", AdviceOf(4000, 40));
    }
}
