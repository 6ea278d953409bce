using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>
/// Writes typed columns to Parquet in row groups: output row r of column j is row <c>sources[r]</c> of
/// <c>columns[j]</c> when that is ≥ 0, else synthetic row <c>~sources[r]</c> of <c>synthetic[j]</c>. A required
/// (non-nullable) column stays required unless a synthetic row of it has no value (a dropped column, say); then,
/// and only then, it is written as optional.
/// </summary>
internal static class ParquetTableWriter
{
    /// <summary>Rows per row group: Parquet.Net's default.</summary>
    public static int RowGroupRows { get; set; } = ParquetOptions.DefaultRowGroupSize;

    public static void Write(Stream stream, IReadOnlyList<ParquetColumn> columns,
        IReadOnlyList<SyntheticValues> synthetic, int[] sources, int syntheticRows) =>
        WriteAsync(stream, columns, synthetic, sources, syntheticRows).GetAwaiter().GetResult();

    private static async Task WriteAsync(Stream stream, IReadOnlyList<ParquetColumn> columns,
        IReadOnlyList<SyntheticValues> synthetic, int[] sources, int syntheticRows)
    {
        var fields = new DataField[columns.Count];
        for (var j = 0; j < fields.Length; j++)
        {
            var field = columns[j].Field;
            fields[j] = !field.IsNullable && !ParquetColumn.IsText(field.ClrType) && synthetic[j].AnyNull(syntheticRows)
                ? Optional(field) : (DataField)field.Clone();
        }
        await using var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), stream);
        var rows = Math.Max(1, RowGroupRows);
        for (var start = 0; start < sources.Length; start += rows)
        {
            var count = Math.Min(rows, sources.Length - start);
            using var group = writer.CreateRowGroup();
            for (var j = 0; j < fields.Length; j++)
                await columns[j].WriteAsync(group, fields[j], sources, start, count, synthetic[j]);
            group.CompleteValidate();
        }
    }

    /// <summary>The same column, allowed to hold nulls.</summary>
    private static DataField Optional(DataField field) => field switch
    {
        DecimalDataField d => new DecimalDataField(d.Name, d.Precision, d.Scale, d.ForceByteArrayEncoding, true),
        DateTimeDataField t => new DateTimeDataField(t.Name, t.DateTimeFormat, t.IsAdjustedToUTC, t.Unit, true),
        _ => new DataField(field.Name, field.ClrType, true),
    };
}
