using System.IO.Compression;
using Imbalanced.Data;
using Imbalanced.ModelSelection;

namespace Imbalanced.MLNet.Workflow;

/// <summary>
/// The model of a tree learner that found no split on its training rows: every row gets the (weighted) class shares
/// of those rows, which is what LightGBM's single-leaf trees predict (it starts from the average). ML.NET cannot
/// build a model from trees without a split and throws instead; <see cref="MlNetClassifier"/> returns this.
/// </summary>
/// <param name="prior">The class shares, in class order.</param>
internal sealed class PriorModel(double[] prior) : IClassifierModel
{
    private const string Entry = "prior.json";

    /// <summary>The class shares every row gets.</summary>
    public IReadOnlyList<double> Prior => prior;

    /// <inheritdoc />
    public double[] PredictProbabilities(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = new double[data.RowCount * prior.Length];
        for (var i = 0; i < data.RowCount; i++) prior.CopyTo(result, i * prior.Length);
        return result;
    }

    /// <summary>The model for <paramref name="train"/> and its row <paramref name="weights"/>.</summary>
    public static PriorModel Of(Dataset train, IReadOnlyList<double>? weights)
    {
        return new PriorModel(Calibration.PriorCorrection.PriorOf(train.LabelCodes, train.Classes.Count, weights));
    }

    /// <summary>Writes the model's entry.</summary>
    public void WriteTo(ZipArchive zip)
    {
        using var entry = zip.CreateEntry(Entry).Open();
        System.Text.Json.JsonSerializer.Serialize(entry, prior);
    }

    /// <summary>Reads a model <see cref="WriteTo"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The entry is missing or damaged.</exception>
    public static PriorModel ReadFrom(ZipArchive zip)
    {
        var prior = ModelZip.ReadJson<double[]>(zip, Entry);
        if (prior is null || prior.Length < 2 || prior.Any(p => !double.IsFinite(p) || p < 0))
            throw new InvalidDataException($"damaged model: '{Entry}' does not hold class shares");
        return new PriorModel(prior);
    }
}
