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
            foreach (var column in columns) await column.ReadAsync(group, offset, count);
            offset += count;
        }
        if (offset == 0) throw new DataException($"{path}: the file has columns but no data rows");
        return new RawTable(path, columns, offset);
    }
}
