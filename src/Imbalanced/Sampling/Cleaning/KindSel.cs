namespace Imbalanced.Sampling.Cleaning;

/// <summary>imbalanced-learn's <c>kind_sel</c>: which rows the edited-nearest-neighbour rules keep.</summary>
public enum KindSel
{
    /// <summary>Keep a row only when all its neighbours share its class (<c>all</c>, the default).</summary>
    All,

    /// <summary>Keep a row when the most common class among its neighbours is its own (<c>mode</c>).</summary>
    Mode,
}
