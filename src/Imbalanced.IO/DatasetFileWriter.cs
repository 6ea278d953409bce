using Parquet.Schema;
using Parquet.Serialization;

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

    private static void WriteParquet(Dataset data, Stream stream, string labelColumn)
    {
        var fields = data.NumericNames.Select(n => (Field)new DataField(n, typeof(double)))
            .Append(new DataField(labelColumn, typeof(string)))
            .ToList();
        var rows = new List<IDictionary<string, object?>>(data.RowCount);
        for (var i = 0; i < data.RowCount; i++)
        {
            var row = new Dictionary<string, object?>();
            for (var j = 0; j < data.NumericCount; j++)
                row[data.NumericNames[j]] = data.Numeric[i * data.NumericCount + j];
            row[labelColumn] = data.LabelOf(i);
            rows.Add(row);
        }
        ParquetSerializer.SerializeUntypedAsync(rows!, new ParquetSchema(fields), stream).GetAwaiter().GetResult();
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
