namespace Imbalanced.Data;

/// <summary><see cref="ImbalanceSummary"/> of a table read from a file.</summary>
public static class TableSummary
{
    extension(ImbalanceSummary)
    {
        /// <summary>Summarises a data set read from a table (missing values as the table counted them).</summary>
        /// <example><code>
        /// var summary = ImbalanceSummary.Of(TableDataset.Build(TableReader.Read("churn.csv"), "churn", []));
        /// </code></example>
        public static ImbalanceSummary Of(TableDataset table) => ImbalanceSummary.Of(table.Data, table.Missing);
    }
}
