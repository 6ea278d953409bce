using System.Text;
using Imbalanced.Sampling;
using Imbalanced.Sampling.UnderSampling;
using Sylvan.Data.Csv;

namespace Imbalanced.Data;

/// <summary>
/// Resamples a delimited table without holding its text in memory, writing byte for byte what
/// <see cref="TableDataset"/> and <see cref="ResampledTableWriter"/> write for the same run on the whole table read
/// into memory. A first pass (<see cref="TableScan.Scan"/>) learns the columns' roles, the class counts and the empty
/// cells; then:
/// <list type="bullet">
/// <item><see cref="RandomUnderSampler"/> draws on the class counts alone; a second pass copies the drawn rows
/// straight through.</item>
/// <item>A class-local over-sampler (<see cref="IClassLocalSampler"/>: random over-sampling without shrinkage,
/// SMOTE, SMOTE-NC, SMOBD, and SMOTEN when every feature is categorical): a second pass copies every row straight
/// through and keeps only the rows of the classes it grows (counting, for SMOTEN, each category's rows by class),
/// from which the new rows are made and appended. Memory grows with those classes, not with the file.</item>
/// <item>Any other sampler: a second pass reads the numbers and category codes of every row (no text), the sampler
/// runs, and a third pass copies the kept rows through, holding the text only of rows copied as new rows.</item>
/// </list>
/// </summary>
internal sealed class StreamingResample
{
    private readonly ScannedTable _scan;
    private readonly ISampler _sampler;
    private readonly int[]?[]? _ranks;
    private readonly IClassLocalSampler? _local;
    private readonly bool[] _read;
    private readonly List<int> _kept = [];
    private readonly List<int> _partRows = [];
    private ResampleResult? _added;
    private ResampleResult? _whole;

    private StreamingResample(ScannedTable scan, ISampler sampler, int[]?[]? ranks, IClassLocalSampler? local,
        bool[] read)
    {
        _scan = scan;
        _sampler = sampler;
        _ranks = ranks;
        _local = local;
        _read = read;
    }

    /// <summary>The classes of the table.</summary>
    public ClassSet Classes => _scan.Classes;

    /// <summary>Whether the sampler reads only the rows of the classes it grows, the others streaming through.
    /// </summary>
    internal bool ClassLocal => _local is not null;

    /// <summary>Rows per class before resampling.</summary>
    public int[] Before => _scan.Counts;

    /// <summary>Rows per class after resampling (once written).</summary>
    public int[] After { get; private set; } = [];

    /// <summary>Rows added (once written).</summary>
    public int Synthetic => (_added ?? _whole)?.SyntheticCount ?? 0;

    /// <summary>Input rows left out (once written).</summary>
    public int Removed { get; private set; }

    /// <summary>The sampler's warnings (once written).</summary>
    public IReadOnlyList<string> Warnings => (_added ?? _whole)?.Warnings ?? [];

    /// <summary>Reads <paramref name="path"/> once and plans the run.</summary>
    /// <exception cref="DataException">The file, its columns or the request are not valid, as in memory.</exception>
    public static StreamingResample Prepare(string path, string target, IReadOnlyCollection<string>? drop,
        ISampler sampler)
    {
        TableReader.CheckFile(path);
        var scan = TableScan.Scan(path, target, drop);
        if (sampler is RandomUnderSampler under)
        {
            // The sampler's own draws, which need the class counts only: the ranks within each class of the rows
            // kept, sorted so that the second pass meets them in order.
            var ranks = Refused(path, () => under.DrawRanks(scan.Counts, scan.Classes));
            foreach (var r in ranks) if (r is not null) Array.Sort(r);
            return new StreamingResample(scan, sampler, ranks, null, new bool[scan.Counts.Length]);
        }
        var mask = new bool[scan.Counts.Length];
        // A sampler that needs the whole table's category counts (SMOTEN) is given them for categorical features
        // only; with a numeric feature it reads the whole table.
        var read = sampler is IClassLocalSampler local
            && !(local.ReadsCategoryCounts && scan.Roles.Numeric.Length > 0)
            ? Refused(path, () => local.ClassesRead(scan.Classes, scan.Counts)) : null;
        foreach (var c in read ?? []) mask[c] = true;
        return new StreamingResample(scan, sampler, null, read is null ? null : (IClassLocalSampler)sampler, mask);
    }

    /// <summary>Reads the table again and writes the resampled table to <paramref name="stream"/>, with an index
    /// column named <paramref name="indexColumn"/> when given.</summary>
    /// <exception cref="DataException">The sampler refuses the data, or the file changed since it was first read.
    /// </exception>
    public void Write(Stream stream, string? indexColumn)
    {
        var path = _scan.Path;
        // Checked where the whole-table path checks it: once the sampler has run.
        if (_ranks is not null) CheckIndexColumn(indexColumn);
        var index = indexColumn is not null;
        var header = new ByteBuffer();
        _scan.Layout.AppendStart(header, index ? [.. _scan.Columns, indexColumn!] : _scan.Columns);
        if (_ranks is null && _local is null)
        {
            WriteWhole(stream, header, indexColumn);
            return;
        }
        stream.Write(header.Written);
        var seen = new int[_scan.Counts.Length];
        var cursor = new int[_scan.Counts.Length];
        var part = new TextArena();
        var lines = new List<int>();
        var after = new int[_scan.Counts.Length];
        var categories = _local is { ReadsCategoryCounts: true } ? new CategoryCounts(_scan) : null;
        Removed = _scan.Rows - Copy(stream, index, (input, c, line, csv) =>
        {
            categories?.Add(c, csv);
            var times = 1;
            if (_ranks?[c] is { } drawn)
                for (times = 0; cursor[c] < drawn.Length && drawn[cursor[c]] == seen[c]; cursor[c]++) times++;
            if (_ranks is not null)
                for (var t = 0; t < times; t++) _kept.Add(input);
            seen[c]++;
            after[c] += times;
            if (_read[c])
            {
                for (var j = 0; j < _scan.Columns.Length; j++) part.AddBytes(csv.GetFieldSpan(j));
                part.EndRow();
                lines.Add(line);
                _partRows.Add(input);
            }
            return times;
        });
        if (_local is { } local)
        {
            var table = new RawTable(path, _scan.Columns, part, [.. lines], _scan.Layout);
            var data = TableDataset.BuildPart(table, _scan.Target, _scan.Roles, _scan.Classes);
            var whole = new WholeTable(_scan.Counts, _scan.EmptyNumeric, _scan.EmptyCategorical,
                categories?.ByText());
            _added = Refused(path, () => local.FitResample(data.Data, whole));
            CheckIndexColumn(indexColumn);
            ResampledTableWriter.WriteRows(data, _added, _added.KeptRows.Length, stream, index, _partRows);
            foreach (var label in _added.AddedLabels) after[label]++;
        }
        After = after;
    }

    // Any other sampler needs the whole table: its numbers and codes are read in a second pass (no text kept), and a
    // third pass copies the kept rows through, holding the text only of rows the sampler copied as new rows.
    private void WriteWhole(Stream stream, ByteBuffer header, string? indexColumn)
    {
        var index = indexColumn is not null;
        var data = ReadDataset();
        var result = Refused(_scan.Path, () => _sampler.FitResample(data));
        CheckIndexColumn(indexColumn);
        _whole = result;
        var sources = new HashSet<int>();
        foreach (var o in result.AddedOrigins) if (o.Source >= 0) sources.Add(o.Source);
        var copies = new Dictionary<int, byte[]>();
        var kept = result.KeptRows;
        var next = 0;
        stream.Write(header.Written);
        Copy(stream, index, (input, _, _, csv) =>
        {
            var times = 0;
            for (; next < kept.Length && kept[next] == input; next++) times++;
            if (sources.Contains(input)) copies[input] = Fields(csv);
            return times;
        });
        var delimiter = (byte)_scan.Layout.Delimiter;
        var labels = _scan.Classes.Labels.Select(l => Encoding.UTF8.GetBytes(l)).ToArray();
        var output = new ByteBuffer(1 << 20);
        var scratch = new double[data.NumericCount];
        for (var a = 0; a < result.SyntheticCount; a++)
        {
            var source = result.AddedOrigins[a].Source;
            if (source >= 0) output.Append(copies[source]);
            else ResampledTableWriter.AppendSynthetic(output, _scan.Roles.Roles, result, a, scratch, delimiter,
                labels);
            // Every row here is added, a copy included: its index cell stays empty.
            if (index) output.Append(delimiter);
            output.Append(_scan.Layout.LineEnd);
            output.FlushWhenLarge(stream);
        }
        stream.Write(output.Written);
        After = result.ClassCounts();
        Removed = result.RemovedCount;
    }

    /// <summary>Reads every row's features and label into a data set, as <see cref="TableDataset.Build"/> would
    /// from the whole text, without keeping the text.</summary>
    private Dataset ReadDataset()
    {
        var roles = _scan.Roles;
        int n = _scan.Rows, p = roles.Numeric.Length, q = roles.Categorical.Length;
        var numeric = new double[(long)n * p];
        var codes = new int[(long)n * q];
        var labels = new int[n];
        var coders = new List<string>[q];
        var coder = Enumerable.Range(0, q).Select(_ => new TextCoder()).ToArray();
        var bytes = new byte[256];
        var chars = new char[256];
        Scan((input, c, _, csv) =>
        {
            labels[input] = c;
            for (var j = 0; j < roles.Roles.Length; j++)
            {
                var role = roles.Roles[j];
                if (role.Kind is not (ColumnKind.Numeric or ColumnKind.Categorical)) continue;
                var field = csv.GetFieldSpan(j);
                var cell = Bytes(field, ref bytes);
                if (role.Kind == ColumnKind.Categorical)
                    codes[(long)input * q + role.Index] = cell.IsEmpty ? -1 : coder[role.Index].Code(cell, chars);
                else if (cell.IsEmpty) numeric[(long)input * p + role.Index] = double.NaN;
                else if (NumberText.TryParse(cell, out var v)) numeric[(long)input * p + role.Index] = v;
                else throw Changed(_scan.Path);
            }
        });
        for (var k = 0; k < q; k++) coders[k] = coder[k].Names;
        var categories = TableDataset.OrdinalCategories(coders, codes);
        return new Dataset(numeric, [.. roles.Numeric.Select(j => _scan.Columns[j])], codes,
            [.. roles.Categorical.Select(j => _scan.Columns[j])], categories, labels, _scan.Classes);
    }

    private void CheckIndexColumn(string? indexColumn)
    {
        if (indexColumn is not null && _scan.Columns.Contains(indexColumn))
            throw new DataException(
                $"the index column '{indexColumn}' is already a column of {_scan.Path}; choose another name");
    }

    /// <summary>A row's fields as the output writes them, without line break.</summary>
    private byte[] Fields(CsvDataReader csv)
    {
        var row = new ByteBuffer();
        AppendFields(row, csv, new byte[256]);
        return row.Written.ToArray();
    }

    private void AppendFields(ByteBuffer row, CsvDataReader csv, byte[] bytes)
    {
        var delimiter = (byte)_scan.Layout.Delimiter;
        for (var j = 0; j < _scan.Columns.Length; j++)
        {
            if (j > 0) row.Append(delimiter);
            var field = csv.GetFieldSpan(j);
            row.AppendField(Bytes(field, ref bytes), delimiter);
        }
    }

    /// <summary>Called for each data row: its input row number, class, line and reader.</summary>
    private delegate int RowVisit(int input, int classCode, int line, CsvDataReader csv);

    /// <summary>Copies each row through to <paramref name="stream"/> as many times as <paramref name="times"/>
    /// says (with the index column when asked); returns the number of rows copied at least once.</summary>
    private int Copy(Stream stream, bool index, RowVisit times)
    {
        var delimiter = (byte)_scan.Layout.Delimiter;
        var output = new ByteBuffer(1 << 20);
        var row = new ByteBuffer();
        var bytes = new byte[256];
        var distinct = 0;
        Scan((input, c, line, csv) =>
        {
            var n = times(input, c, line, csv);
            if (n == 0) return;
            distinct++;
            row.Clear();
            AppendFields(row, csv, bytes);
            if (index)
            {
                row.Append(delimiter);
                row.AppendInt(input);
            }
            row.Append(_scan.Layout.LineEnd);
            for (var t = 0; t < n; t++) output.Append(row.Written);
            output.FlushWhenLarge(stream);
        });
        stream.Write(output.Written);
        return distinct;
    }

    /// <summary>Reads the table again, row by row, checking it is the table first read.</summary>
    private void Scan(Action<int, int, int, CsvDataReader> visit)
    {
        var path = _scan.Path;
        var labels = new TextCoder();
        var classOfCode = new List<int>();
        var seen = new int[_scan.Counts.Length];
        var bytes = new byte[256];
        var chars = new char[256];
        var input = 0;
        DelimitedScanner.Scan(path, header =>
        {
            if (!header.SequenceEqual(_scan.Columns)) throw Changed(path);
        }, (csv, line) =>
        {
            var field = csv.GetFieldSpan(_scan.Target);
            var code = labels.Code(Bytes(field, ref bytes), chars);
            if (code == classOfCode.Count) classOfCode.Add(_scan.Classes.IndexOf(labels.Names[code]));
            var c = classOfCode[code];
            if (c < 0 || seen[c]++ == _scan.Counts[c] || input == _scan.Rows) throw Changed(path);
            visit(input++, c, line, csv);
        });
        if (input != _scan.Rows) throw Changed(path);
    }

    /// <summary>Writes the provenance CSV of the rows written by <see cref="Write"/>.</summary>
    public void WriteProvenance(Stream stream)
    {
        if (_whole is not null)
        {
            ResampledTableWriter.WriteProvenance(_whole, stream);
            return;
        }
        // An over-sampler keeps every input row in order; an under-sampler's kept rows were recorded.
        var kept = _ranks is null ? _scan.Rows : _kept.Count;
        ResampledTableWriter.WriteProvenance(kept + Synthetic, r =>
        {
            if (r < kept) return new RowOrigin(false, _ranks is null ? r : _kept[r], -1, -1, double.NaN);
            var o = _added!.AddedOrigins[r - kept];
            return o with { Source = Input(o.Source), Base = Input(o.Base), Neighbor = Input(o.Neighbor) };
        }, stream);
    }

    private int Input(int partRow) => partRow < 0 ? partRow : _partRows[partRow];

    /// <summary>A field's bytes (its Latin-1 chars), in <paramref name="bytes"/>, grown when too small.</summary>
    internal static ReadOnlySpan<byte> Bytes(ReadOnlySpan<char> field, ref byte[] bytes)
    {
        if (field.Length > bytes.Length) bytes = new byte[field.Length * 2];
        return bytes.AsSpan(0, Encoding.Latin1.GetBytes(field, bytes));
    }

    private static T Refused<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (DataException e)
        {
            throw new DataException($"{path}: {e.Message}", e);
        }
    }

    private static DataException Changed(string path) =>
        new($"{path}: the file changed while it was being read; run the command again");
}
