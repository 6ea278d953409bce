using System.Text;
using Imbalanced.Data;
using Imbalanced.Tests.Support;

namespace Imbalanced.IO.Tests;

/// <summary>No size limits of our own, exact bytes and physical line numbers (CLI.md's common rules).</summary>
public class TableReaderHostileTests
{
    private static RawTable ReadBytes(byte[] bytes)
    {
        var path = Fixtures.TempFile(".csv");
        File.WriteAllBytes(path, bytes);
        try { return TableReader.Read(path); }
        finally { File.Delete(path); }
    }

    private static RawTable Read(string text) => ReadBytes(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void A_record_of_ten_thousand_columns_is_read()
    {
        var header = string.Join(",", Enumerable.Range(0, 10_000).Select(j => $"column_number_{j}")) + ",y\n";
        var row = string.Join(",", Enumerable.Range(0, 10_000).Select(j => (j * 0.123456789).ToString("R",
            System.Globalization.CultureInfo.InvariantCulture))) + ",a\n";
        Assert.True(header.Length > 65536 && row.Length > 65536);
        var table = Read(header + row + row);
        Assert.Equal(10_001, table.Columns.Count);
        Assert.Equal(2, table.RowCount);
        Assert.Equal(9_999 * 0.123456789, table.Number(1, 9_999));
    }

    [Fact]
    public void A_cell_and_a_column_name_longer_than_the_buffer_are_read()
    {
        var name = new string('n', 200_000);
        var cell = new string('x', 300_000);
        var table = Read($"a,{name},y\n1,\"{cell}\",p\n2,short,q\n");
        Assert.Equal(name, table.Columns[1]);
        Assert.Equal(cell, table.Text(0, 1));
    }

    [Fact]
    public void An_unterminated_quote_is_a_data_error_naming_the_line()
    {
        var e = Assert.Throws<DataException>(() => Read("a,b,y\n1,2,p\n3,4,q\n5,\"6,q\n"));
        Assert.Contains("line 4", e.Message);
        Assert.Contains("quote", e.Message);
    }

    [Fact]
    public void Line_numbers_count_physical_lines_across_quoted_newlines_and_blank_lines()
    {
        var table = Read("a,t,y\n1,\"two\nlines\",p\n\n2,x,p\n3,\"a\r\nb\r\nc\",q\n4,z,q\n");
        Assert.Equal([2, 5, 6, 9], Enumerable.Range(0, table.RowCount).Select(table.LineOf));
        var e = Assert.Throws<DataException>(() => Read("a,t,y\n1,\"two\nlines\",p\n\n2,x\n"));
        Assert.Contains("line 5", e.Message);
    }

    [Fact]
    public void Invalid_utf8_bytes_are_kept_byte_for_byte()
    {
        var bytes = "a,t,y\n1,"u8.ToArray().Concat(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0xFF })
            .Concat(",p\n2,ok,q\n"u8.ToArray()).ToArray();
        var table = ReadBytes(bytes);
        Assert.Equal(new byte[] { 0x63, 0x61, 0x66, 0xE9, 0xFF }, table.Utf8(0, 1).ToArray());
        Assert.Equal("ok", table.Text(1, 1));
    }

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_name()
    {
        var table = ReadBytes([0xEF, 0xBB, 0xBF, .. "a,y\n1,p\n2,q\n"u8.ToArray()]);
        Assert.Equal("a", table.Columns[0]);
    }

    /// <summary>A quoted first column name after the byte order mark is unquoted like any other (the mark was once
    /// read as part of the field, which kept the quotes in the name).</summary>
    [Fact]
    public void A_quoted_first_column_name_after_a_byte_order_mark_is_unquoted()
    {
        var table = ReadBytes([0xEF, 0xBB, 0xBF, .. "\"y\",\"a, b\"\np,1\nq,2\n"u8.ToArray()]);
        Assert.Equal(["y", "a, b"], table.Columns);
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void A_folder_is_a_data_error() =>
        Assert.Contains("folder", Assert.Throws<DataException>(() => TableReader.Read(Path.GetTempPath())).Message);

    /// <summary>Valid Parquet files holding a value .NET cannot represent (DuckDB wrote them: DECIMAL(38,0) values
    /// near 1e30, a date in the year -100) are refused naming the column, not as unreadable files.</summary>
    [Theory]
    [InlineData("decimal")]
    [InlineData("date")]
    public void A_parquet_value_dotnet_cannot_hold_names_its_column(string kind)
    {
        var path = Fixtures.TempFile(".parquet");
        File.WriteAllBytes(path, Convert.FromBase64String(kind == "decimal" ? BigDecimal : FarDate));
        var error = Assert.Throws<DataException>(() => TableReader.Read(path));
        Assert.Contains("column 'c' holds a value .NET cannot represent", error.Message);
    }

    private const string BigDecimal =
        "UEFSMRUEFfABFZABTBUeFQAAAHgAAAUBBAhABQcIAPg/CQgAEg0QABgNCAAeDQgAIg0IACsNCAAoDQgALgkIBIAwCQgEADINCBEB" +
        "ACUJECiAM0AAAAAAAAA1QBUAFZICFY4BLBXIARUEFQYVBgAAiQHwPAMAAADIAQEEQRAgQ2VnmLoCMlSMhqkbI0PFl5i6ATRUfKap" +
        "GyBFxWfYugEyXHyG6RsgQ8dnmAoBMlR2AAD+AgAuAgAVABWOGRXEASwVyAEVABUGFQYAAMcMRAMAAADIAQEAAAAMnyyc0EZ1ABEB" +
        "/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAA/hAAshAA" +
        "FQQVEBUUTBUEFQAAAAgcAQAAAAAAAAAVABWSARU0LBXIARUEFQYVBgAASTwDAAAAyAEBAkFUFVVFVVFVRgcAAACWAQAVQBwcAAAc" +
        "HAAAHBwAAAAQJkB11kIFrCDiUkU7AEPTX0i8AsILDZSowHgRUMFAWBVAHBwAABwcAAAcHAAAAAQAACAAAAAMCEAAAAYAAAAAIAAE" +
        "ECAAAAAIAAIACEAAFQIZTDUAGA1kdWNrZGJfc2NoZW1hFQYAFQolAhgCeDEAFQ4VIBUCGAFjJQoVABVMLFwVABVMAAAAFQIlAhgB" +
        "eSUiABbIARkcGTwmABwVChkVBBkYAngxFQIWyAEWyAQW5AImtgEmCBwYCAAAAAAAADVAGAgAAAAAAAAAABYAFh4YCAAAAAAAADVA" +
        "GAgAAAAAAAAAABERACbgBRVeAAAmABwVDhkVABkYAWMVAhbIARa2GRbsASbsAjwYEAAAAAyfLJzQRnUAAAAAAAAYEAAAAAyfLJzQ" +
        "RnUAAAAAAAAWACgQAAAADJ8snNBGdQAAAAAAABgQAAAADJ8snNBGdQAAAAAAABERAAAAJgAcFQIZFQQZGAF5FQIWyAEW4gEWiAEm" +
        "hgUm2AQcGAQBAAAAGAQAAAAAFgAWBBgEAQAAABgEAAAAABERACa+BhVeAAAW4B8WyAEmCBbYBQAoKER1Y2tEQiB2ZXJzaW9uIHYx" +
        "LjUuNiAoYnVpbGQgMDY5Y2M5ZjliNSkZPBwAABwAABwAAACOAQAAUEFSMQ==";

    private const string FarDate =
        "UEFSMRUEFfABFZABTBUeFQAAAHgAAAUBBAhABQcIAPg/CQgAEg0QABgNCAAeDQgAIg0IACsNCAAoDQgALgkIBIAwCQgEADINCBEB" +
        "ACUJECiAM0AAAAAAAAA1QBUAFZICFY4BLBXIARUEFQYVBgAAiQHwPAMAAADIAQEEQRAgQ2VnmLoCMlSMhqkbI0PFl5i6ATRUfKap" +
        "GyBFxWfYugEyXHyG6RsgQ8dnmAoBMlR2AAD+AgAuAgAVBBUYFRxMFQYVAAAADCyfwCwAoMAsAKHALAAVABWSARUsLBXIARUEFQYV" +
        "BgAASSwDAAAAyAEBAkEkSZJWAwAAAJYBABUEFRAVFEwVBBUAAAAIHAEAAAAAAAAAFQAVkgEVNCwVyAEVBBUGFQYAAEk8AwAAAMgB" +
        "AQJBVBVVRVVRVUYHAAAAlgEAFUAcHAAAHBwAABwcAAAAECZAddZCBawg4lJFOwBD019IvALCCw2UqMB4EVDBQFgVQBwcAAAcHAAA" +
        "HBwAAAAhAAABgAMAAAAFCAACBAQAMAAQAAKQAAAABEEAAABIARVAHBwAABwcAAAcHAAAAAQAACAAAAAMCEAAAAYAAAAAIAAEECAA" +
        "AAAIAAIACEAAFQIZTDUAGA1kdWNrZGJfc2NoZW1hFQYAFQolAhgCeDEAFQIlAhgBYyUMABUCJQIYAXklIgAWyAEZHBk8JgAcFQoZ" +
        "FQQZGAJ4MRUCFsgBFsgEFuQCJrYBJggcGAgAAAAAAAA1QBgIAAAAAAAAAAAWABYeGAgAAAAAAAA1QBgIAAAAAAAAAAAREQAm/AQV" +
        "XgAAJgAcFQIZFQQZGAFjFQIWyAEW6gEWiAEmogMm7AIcGAShwCwAGASfwCwAFgAWBhgEocAsABgEn8AsABERACbaBRVeAAAmABwV" +
        "AhkVBBkYAXkVAhbIARbiARaIASaiBCb0AxwYBAEAAAAYBAAAAAAWABYEGAQBAAAAGAQAAAAAEREAJrgGFV4AABaUCBbIASYIFvQE" +
        "ACgoRHVja0RCIHZlcnNpb24gdjEuNS42IChidWlsZCAwNjljYzlmOWI1KRk8HAAAHAAAHAAAAFoBAABQQVIx";
}
