using Imbalanced.Sampling;
using Imbalanced.Sampling.Regression;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>
/// Writes a resampled table in the input's format and column order: rows copied from the input keep their exact
/// text (Parquet: their typed values, in the input's schema), synthetic numbers are written in shortest round-trip
/// form (Parquet: in the column's type), labels and categories verbatim, dropped columns empty on synthetic rows.
/// Optionally appends an index column (a kept row's input row; empty for every added row, a copy random
/// over-sampling added included: it holds the copied row's text, and the provenance's base names that row).
/// Writes atomically.
/// </summary>
public static class ResampledTableWriter
{
    private const int ChunkRows = 4096;

    /// <summary>Writes <paramref name="result"/>, resampled from <paramref name="source"/>, to
    /// <paramref name="path"/>.</summary>
    public static void Write(TableDataset source, ResampleResult result, string path, string? indexColumn = null)
    {
        CheckIndexColumn(source, indexColumn);
        AtomicFile.Write(path, s => Write(source, result, s, indexColumn));
    }

    /// <summary>Writes <paramref name="result"/>, resampled from <paramref name="source"/>, to
    /// <paramref name="stream"/> in the source's format.</summary>
    public static void Write(TableDataset source, ResampleResult result, Stream stream, string? indexColumn = null)
    {
        CheckIndexColumn(source, indexColumn);
        if (source.Table.Format == TableFormat.Parquet) WriteParquet(source, result, stream, indexColumn);
        else WriteDelimited(source, result, stream, indexColumn);
    }

    /// <summary>Writes a regression <paramref name="result"/>, resampled from <paramref name="source"/>
    /// (<see cref="TableDataset.BuildRegression"/>), to <paramref name="stream"/> in the source's format: as
    /// <see cref="Write(TableDataset, ResampleResult, Stream, string?)"/> does, the target of a synthetic row written
    /// as a synthetic number.</summary>
    public static void Write(TableDataset source, RegressionResampleResult result, Stream stream,
        string? indexColumn = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(result);
        CheckIndexColumn(source, indexColumn);
        if (source.Table.Format == TableFormat.Parquet)
            WriteParquet(source, result.Rows, stream, indexColumn, result.AddedTarget);
        else WriteDelimited(source, result.Rows, stream, indexColumn, result.AddedTarget);
    }

    private static void CheckIndexColumn(TableDataset source, string? indexColumn)
    {
        if (indexColumn is not null && source.Table.IndexOf(indexColumn) >= 0)
            throw new DataException(
                $"the index column '{indexColumn}' is already a column of {source.Table.Path}; choose another name");
    }

    private static void WriteDelimited(TableDataset source, ResampleResult result, Stream stream, string? indexColumn,
        double[]? target = null)
    {
        var header = new ByteBuffer();
        source.Table.Layout.AppendStart(header,
            indexColumn is null ? source.Table.Columns : [.. source.Table.Columns, indexColumn]);
        stream.Write(header.Written);
        WriteRows(source, result, 0, stream, indexColumn is not null, null, target);
    }

    /// <summary>Writes the output rows of <paramref name="result"/> from <paramref name="first"/> on, as
    /// delimited text; <paramref name="inputRows"/>, when given, numbers the rows of <paramref name="source"/> in a
    /// larger input (for the index column).</summary>
    internal static void WriteRows(TableDataset source, ResampleResult result, int first, Stream stream, bool index,
        IReadOnlyList<int>? inputRows, double[]? target = null)
    {
        var delimiter = (byte)source.Table.Delimiter;
        var labels = source.Data.Classes.Labels.Select(l => System.Text.Encoding.UTF8.GetBytes(l)).ToArray();
        var chunks = (result.RowCount - first + ChunkRows - 1) / ChunkRows;
        var group = Math.Max(1, Environment.ProcessorCount * 2);
        var buffers = new ByteBuffer[group];
        for (var g = 0; g < buffers.Length; g++) buffers[g] = new ByteBuffer(1 << 20);
        for (var chunk = 0; chunk < chunks; chunk += group)
        {
            var count = Math.Min(group, chunks - chunk);
            Parallel.For(0, count, c =>
            {
                var buffer = buffers[c];
                buffer.Clear();
                var start = first + (chunk + c) * ChunkRows;
                var end = Math.Min(result.RowCount, start + ChunkRows);
                var scratch = new double[result.Input.NumericCount];
                for (var r = start; r < end; r++)
                    WriteRow(buffer, source, result, r, scratch, delimiter, index, labels, inputRows, target);
            });
            for (var c = 0; c < count; c++) stream.Write(buffers[c].Written);
        }
    }

    private static void WriteRow(ByteBuffer output, TableDataset source, ResampleResult result, int row,
        Span<double> scratch, byte delimiter, bool index, byte[][] labels, IReadOnlyList<int>? inputRows,
        double[]? target)
    {
        var origin = result.Origin(row);
        var table = source.Table;
        var columns = table.Columns.Count;
        if (origin.Source >= 0)
        {
            var fields = table.Fields(origin.Source);
            for (var j = 0; j < columns; j++)
            {
                if (j > 0) output.Append(delimiter);
                fields.MoveNext();
                output.AppendField(fields.Current, delimiter);
            }
            // An added copy (random over-sampling's duplicate) is a synthetic row: its index cell stays empty.
            if (index)
            {
                output.Append(delimiter);
                if (!origin.Synthetic) output.AppendInt(inputRows?[origin.Source] ?? origin.Source);
            }
        }
        else
        {
            AppendSynthetic(output, source.Roles, result, row - result.KeptRows.Length, scratch, delimiter, labels,
                target);
            if (index) output.Append(delimiter);
        }
        output.Append(table.Layout.LineEnd);
    }

    /// <summary>Appends the fields of added row <paramref name="a"/> of <paramref name="result"/> (no line break):
    /// numbers in shortest round-trip form, the label and categories verbatim, dropped columns empty.
    /// <paramref name="scratch"/>, as long as a row, holds the row's numbers when the result makes them on demand.
    /// </summary>
    internal static void AppendSynthetic(ByteBuffer output, IReadOnlyList<ColumnRole> roles, ResampleResult result,
        int a, Span<double> scratch, byte delimiter, byte[][] labels, double[]? target = null)
    {
        var numeric = result.AddedNumericRow(a, scratch);
        var categorical = result.AddedCategoricalRow(a);
        for (var j = 0; j < roles.Count; j++)
        {
            if (j > 0) output.Append(delimiter);
            var role = roles[j];
            if (role.Kind == ColumnKind.Numeric) output.AppendNumber(numeric[role.Index]);
            else if (role.Kind == ColumnKind.Target && target is not null) output.AppendNumber(target[a]);
            else if (role.Kind == ColumnKind.Target) output.AppendField(labels[result.AddedLabels[a]], delimiter);
            else if (role.Kind == ColumnKind.Categorical && categorical[role.Index] is var code and >= 0)
                output.AppendField(result.Input.Categories[role.Index][code], delimiter);
        }
    }

    /// <summary>Parquet by columns, in the input's schema: copied rows keep their typed values; synthetic numbers
    /// take the column's type (integers rounded to the nearest, ties to even; a value that does not fit is a
    /// <see cref="DataException"/>); labels and categories are parsed back to the column's type; dropped columns are
    /// null on synthetic rows. The index column is an optional int32.</summary>
    private static void WriteParquet(TableDataset source, ResampleResult result, Stream stream, string? indexColumn,
        double[]? target = null)
    {
        var table = source.Table;
        var input = table.ParquetColumns!;
        // The new rows are read a column at a time, so rows made on demand are made value by value, never all held.
        var addedCount = result.SyntheticCount;
        var kept = result.KeptRows;
        var sources = new int[result.RowCount];
        kept.CopyTo(sources, 0);
        for (var a = 0; a < addedCount; a++)
            sources[kept.Length + a] = result.AddedOrigins[a].Source is var s and >= 0 ? s : ~a;
        var columns = new List<ParquetColumn>(input);
        var synthetic = new List<SyntheticValues>(input.Count + 1);
        for (var j = 0; j < input.Count; j++)
        {
            var role = source.Roles[j];
            synthetic.Add(role.Kind switch
            {
                ColumnKind.Numeric => new SyntheticNumbers(a => result.AddedValue(a, role.Index)),
                ColumnKind.Target when target is not null => new SyntheticNumbers(target, 1, 0),
                ColumnKind.Target => new SyntheticTexts(a => result.AddedLabels[a], result.Input.Classes.Labels),
                ColumnKind.Categorical => new SyntheticTexts(
                    a => result.AddedCategoricalRow(a)[role.Index], result.Input.Categories[role.Index]),
                _ => SyntheticValues.None,
            });
        }
        if (indexColumn is not null)
        {
            columns.Add(new ParquetIndexColumn(new DataField<int?>(indexColumn), kept.Length));
            synthetic.Add(SyntheticValues.None);
        }
        ParquetTableWriter.Write(stream, columns, synthetic, sources, addedCount);
    }

    /// <summary>Writes the provenance CSV: <c>row,kind,source,base,neighbor,gap</c>, one line per output row.</summary>
    public static void WriteProvenance(ResampleResult result, string path) =>
        AtomicFile.Write(path, stream => WriteProvenance(result, stream));

    /// <summary>Writes the provenance CSV to <paramref name="stream"/>.</summary>
    public static void WriteProvenance(ResampleResult result, Stream stream) =>
        WriteProvenance(result.RowCount, result.Origin, stream);

    /// <summary>Writes the provenance CSV of <paramref name="rows"/> output rows, where each came from.</summary>
    internal static void WriteProvenance(int rows, Func<int, RowOrigin> originOf, Stream stream)
    {
        var output = new ByteBuffer(1 << 20);
        output.Append("row,kind,source,base,neighbor,gap\n"u8);
        for (var r = 0; r < rows; r++)
        {
            var o = originOf(r);
            output.AppendInt(r);
            output.Append(o.Synthetic ? ",synthetic,"u8 : ",original,"u8);
            if (!o.Synthetic && o.Source >= 0) output.AppendInt(o.Source);
            output.Append((byte)',');
            if (o.Base >= 0) output.AppendInt(o.Base);
            output.Append((byte)',');
            if (o.Neighbor >= 0) output.AppendInt(o.Neighbor);
            output.Append((byte)',');
            if (!double.IsNaN(o.Gap)) output.AppendNumber(o.Gap);
            output.Append((byte)'\n');
            output.FlushWhenLarge(stream);
        }
        stream.Write(output.Written);
    }
}
