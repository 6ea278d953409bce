using Parquet;
using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Reads a Parquet file column by column, row group by row group, into typed columns.</summary>
internal static class ParquetTableReader
{
    public static RawTable Read(string path)
    {
        try
        {
            return ReadAsync(path).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is not DataException)
        {
            throw new DataException($"{path}: not a readable Parquet file ({e.Message.Split('\n')[0]})", e);
        }
    }

    private static async Task<RawTable> ReadAsync(string path)
    {
        await using var stream = TableReader.OpenRead(path);
        await using var reader = await ParquetReader.CreateAsync(stream);
        foreach (var field in reader.Schema.Fields)
            if (field is not DataField)
                throw new DataException($"{path}: column '{field.Name}' is nested ({field.SchemaType}); only flat " +
                    "columns can be read");
        var fields = reader.Schema.GetDataFields();
        TableReader.CheckColumnNames(path, [.. fields.Select(f => f.Name)]);
        var total = 0L;
        for (var g = 0; g < reader.RowGroupCount; g++) total += reader.RowGroups[g].RowCount;
        if (total > Array.MaxLength)
            throw new DataException($"{path}: {total} rows are more than can be held ({Array.MaxLength})");
        var columns = new ParquetColumn[fields.Length];
        for (var j = 0; j < fields.Length; j++) columns[j] = ParquetColumn.Create(fields[j], (int)total, path);
        var offset = 0;
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = (int)group.RowCount;
            for (var j = 0; j < columns.Length; j++)
            {
                try
                {
                    await columns[j].ReadAsync(group, offset, count);
                }
                catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException)
                {
                    // A valid value .NET cannot hold (a decimal beyond 28 digits of scale or 7.9e28, a date outside
                    // years 1 to 9999): said of its column.
                    throw new DataException($"{path}: column '{fields[j].Name}' holds a value .NET cannot represent " +
                        $"({e.Message.Split('\n')[0]}); convert the column (for example to double or text) first", e);
                }
            }
            offset += count;
        }
        if (offset == 0) throw new DataException($"{path}: the file has columns but no data rows");
        return new RawTable(path, columns, offset);
    }
}
