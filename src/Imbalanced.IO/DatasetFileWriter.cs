using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Writes a numeric <see cref="Dataset"/> (for example a generated one) as CSV, or by a path's extension
/// Parquet (<c>.parquet</c>) or tab-separated text (<c>.tsv</c>): the numeric features, then the label column.
/// Atomic.</summary>
public static class DatasetFileWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>.</summary>
    public static void Write(Dataset data, string path, string labelColumn = "label")
    {
        RequireNumeric(data);
        AtomicFile.Write(path, s =>
        {
            if (TableReader.IsParquet(path)) WriteParquet(data, s, labelColumn);
            else WriteCsv(data, s, labelColumn,
                path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? (byte)'\t' : (byte)',');
        });
    }

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/> as CSV or Parquet.</summary>
    public static void Write(Dataset data, Stream stream, TableFormat format, string labelColumn = "label")
    {
        RequireNumeric(data);
        if (format == TableFormat.Parquet) WriteParquet(data, stream, labelColumn);
        else WriteCsv(data, stream, labelColumn, (byte)',');
    }

    private static void RequireNumeric(Dataset data)
    {
        if (data.CategoricalCount > 0)
            throw new ArgumentException("only numeric data sets can be written this way", nameof(data));
    }

    /// <summary>Parquet by columns: a required double column per feature, then the labels as strings.</summary>
    private static void WriteParquet(Dataset data, Stream stream, string labelColumn)
    {
        var columns = new List<ParquetColumn>();
        var synthetic = new List<SyntheticValues>();
        for (var j = 0; j < data.NumericCount; j++)
        {
            columns.Add(new ParquetStructColumn<double>(new DataField<double>(data.NumericNames[j]), []));
            synthetic.Add(new SyntheticNumbers(data.Numeric, data.NumericCount, j));
        }
        columns.Add(new ParquetStringColumn(new DataField<string>(labelColumn), []));
        synthetic.Add(new SyntheticTexts(i => data.Labels[i], data.Classes.Labels));
        var sources = new int[data.RowCount];
        for (var i = 0; i < sources.Length; i++) sources[i] = ~i;
        ParquetTableWriter.Write(stream, columns, synthetic, sources, data.RowCount);
    }

    private static void WriteCsv(Dataset data, Stream stream, string labelColumn, byte delimiter)
    {
        var output = new ByteBuffer(1 << 20);
        output.AppendHeader(data.NumericNames.Append(labelColumn), delimiter);
        var labels = data.Classes.Labels.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        for (var i = 0; i < data.RowCount; i++)
        {
            foreach (var v in data.NumericRow(i))
            {
                output.AppendNumber(v);
                output.Append(delimiter);
            }
            output.AppendField(labels[data.Labels[i]], delimiter);
            output.Append((byte)'\n');
            output.FlushWhenLarge(stream);
        }
        stream.Write(output.Written);
    }
}
