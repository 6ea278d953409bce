using Imbalanced.Data;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// Edited nearest neighbours (Wilson, "Asymptotic Properties of Nearest Neighbor Rules Using Edited Data", IEEE
/// Transactions on Systems, Man, and Cybernetics 2(3), 1972), as imbalanced-learn's
/// <c>EditedNearestNeighbours</c>: removes each row of a targeted class (default: every class but the minority)
/// whose n nearest neighbours in the whole data set disagree with its class (see <see cref="NeighborVotes"/>).
/// </summary>
/// <remarks>
/// Parameters: <see cref="SamplerOptions.Strategy"/> (cleaning: the classes to clean),
/// <see cref="EditedNearestNeighboursOptions.NNeighbors"/>, <see cref="EditedNearestNeighboursOptions.KindSel"/>.
/// Deterministic. <code>var result = new EditedNearestNeighbours().FitResample(data);</code>
/// </remarks>
public sealed class EditedNearestNeighbours(EditedNearestNeighboursOptions? options = null) : ISampler
{
    private readonly EditedNearestNeighboursOptions _options = options ?? new();

    /// <summary>The options the sampler runs with.</summary>
    internal EditedNearestNeighboursOptions Options => _options;

    /// <inheritdoc />
    public ResampleResult FitResample(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var targeted = _options.Strategy.Resolve(data.ClassCounts(), data.Classes, SamplingType.CleanSampling)
            .Keys.ToHashSet();
        CheckNeighbors(data, _options.NNeighbors, nameof(EditedNearestNeighboursOptions.NNeighbors));
        return ResampleResult.Keep(data, NeighborVotes.EditedKeep(data, targeted, _options.NNeighbors,
            _options.KindSel == KindSel.Mode, _options.Neighbors));
    }

    internal static void CheckNeighbors(Dataset data, int k, string parameter) =>
        CheckNeighbors(data.RowCount, k, parameter);

    /// <summary>Refuses a neighbour count below 1 or not below the <paramref name="rows"/> there are.</summary>
    internal static void CheckNeighbors(int rows, int k, string parameter)
    {
        if (k < 1) throw new ArgumentOutOfRangeException(parameter, k, $"{parameter} must be at least 1; got {k}");
        if (k >= rows)
            throw new DataException($"{parameter} = {k} needs more than {k} rows; the data has {rows}")
            { Parameter = parameter };
    }
}
