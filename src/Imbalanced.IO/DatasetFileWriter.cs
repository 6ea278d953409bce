using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Writes a numeric <see cref="Dataset"/> (for example a generated one) as CSV, or Parquet by extension:
/// the numeric features, then the label column. Atomic.</summary>
public static class DatasetFileWriter
{
    /// <summary>Writes <paramref name="data"/> to <paramref name="path"/>.</summary>
    public static void Write(Dataset data, string path, string labelColumn = "label") =>
        AtomicFile.Write(path, s => Write(data, s,
            TableReader.IsParquet(path) ? TableFormat.Parquet : TableFormat.Delimited,
            labelColumn));

    /// <summary>Writes <paramref name="data"/> to <paramref name="stream"/> as CSV or Parquet.</summary>
    public static void Write(Dataset data, Stream stream, TableFormat format, string labelColumn = "label")
    {
        if (data.CategoricalCount > 0)
            throw new ArgumentException("only numeric data sets can be written this way", nameof(data));
        if (format == TableFormat.Parquet) WriteParquet(data, stream, labelColumn);
        else WriteCsv(data, stream, labelColumn);
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

    private static void WriteCsv(Dataset data, Stream stream, string labelColumn)
    {
        var output = new ByteBuffer(1 << 20);
        output.AppendHeader(data.NumericNames.Append(labelColumn), (byte)',');
        var labels = data.Classes.Labels.Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        for (var i = 0; i < data.RowCount; i++)
        {
            foreach (var v in data.NumericRow(i))
            {
                output.AppendNumber(v);
                output.Append((byte)',');
            }
            output.AppendField(labels[data.Labels[i]], (byte)',');
            output.Append((byte)'\n');
            output.FlushWhenLarge(stream);
        }
        stream.Write(output.Written);
    }
}
