using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>A binary trainer made by the extension method <paramref name="method"/> of <paramref name="extensions"/>
/// from <paramref name="options"/> and fitted on a leased copy of the options' assembly
/// (<see cref="TrainerCopies"/>), so that fits on several threads run side by side; its model is the one ML.NET's own
/// trainer fits.</summary>
internal sealed class LeasedTrainer<TOptions>(MLContext ml, TOptions options, string extensions, string method)
    : IEstimator<ITransformer>
    where TOptions : class
{
    public ITransformer Fit(IDataView input) => TrainerCopies.Lease(typeof(TOptions).Assembly,
        copy => TrainerCopies.Trainer(copy, ml, options, extensions, method).Fit(input));

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => TrainerCopies.Trainer(
        typeof(TOptions).Assembly, ml, options, extensions, method).GetOutputSchema(inputSchema);
}
