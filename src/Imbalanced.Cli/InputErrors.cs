namespace Imbalanced.Cli;

/// <summary>Data errors found in an input named with its path, as resample and evaluate name theirs: "where" in
/// the contract's errors starts with the file.</summary>
internal static class InputErrors
{
    /// <summary>Runs <paramref name="work"/>; a <see cref="DataException"/> it throws gains the prefix
    /// <c>INPUT: </c> unless its message already starts with it.</summary>
    /// <example><c>InputErrors.Of("in.csv", () => TableDataset.Build(raw, "y"))</c>: "column 'a' holds 1E+300, …"
    /// becomes "in.csv: column 'a' holds 1E+300, …".</example>
    public static T Of<T>(string input, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DataException e) when (!e.Message.StartsWith(input + ":", StringComparison.Ordinal))
        {
            throw new DataException($"{input}: {e.Message}", e) { Parameter = e.Parameter };
        }
    }
}
