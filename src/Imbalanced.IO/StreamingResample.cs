using System.Text;
using Imbalanced.Sampling;
using Imbalanced.Sampling.UnderSampling;

namespace Imbalanced.Data;

/// <summary>
/// Resamples a delimited table without holding it in memory, for the samplers that allow it, writing byte for byte
/// what <see cref="TableDataset"/> and <see cref="ResampledTableWriter"/> write for the same run in memory:
/// <list type="bullet">
/// <item><see cref="RandomUnderSampler"/> draws on the class counts alone (a first pass counts them); a second pass
/// copies the drawn rows straight through.</item>
/// <item>A class-local over-sampler (<see cref="IClassLocalSampler"/>: random over-sampling without shrinkage,
/// SMOTE, SMOTE-NC) learns the class counts and empty cells in a first pass; the second copies every row straight
/// through and keeps only the rows of the classes it grows, from which the new rows are made and appended.</item>
/// </list>
/// Memory grows with the rows of the grown classes, and for under-sampling with 4 bytes per row of the largest class
/// (the draws) and per output row, not with the size of the file.
/// </summary>
internal sealed class StreamingResample
{
    private readonly ScannedTable _scan;
    private readonly ISampler _sampler;
    private readonly int[]?[]? _ranks;
    private readonly bool[] _read;
    private readonly List<int> _kept = [];
    private readonly List<int> _partRows = [];
    private ResampleResult? _added;

    private StreamingResample(ScannedTable scan, ISampler sampler, int[]?[]? ranks, bool[] read)
    {
        _scan = scan;
        _sampler = sampler;
        _ranks = ranks;
        _read = read;
    }

    /// <summary>The classes of the table.</summary>
    public ClassSet Classes => _scan.Classes;

    /// <summary>Rows per class before resampling.</summary>
    public int[] Before => _scan.Counts;

    /// <summary>Rows per class after resampling (once written).</summary>
    public int[] After { get; private set; } = [];

    /// <summary>Rows added (once written).</summary>
    public int Synthetic => _added?.Added.RowCount ?? 0;

    /// <summary>Input rows left out (once written).</summary>
    public int Removed { get; private set; }

    /// <summary>The sampler's warnings (once written).</summary>
    public IReadOnlyList<string> Warnings => _added?.Warnings ?? [];

    /// <summary>True when <paramref name="sampler"/> can be streamed at all (its options decide the rest).</summary>
    public static bool Supports(ISampler sampler) => sampler is RandomUnderSampler or IClassLocalSampler;

    /// <summary>Reads <paramref name="path"/> once and plans the run; null when the sampler's options need the whole
    /// table in memory.</summary>
    /// <exception cref="DataException">The file, its columns or the request are not valid, as in memory.</exception>
    public static StreamingResample? Prepare(string path, string target, IReadOnlyCollection<string>? drop,
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
            return new StreamingResample(scan, sampler, ranks, new bool[scan.Counts.Length]);
        }
        if (sampler is not IClassLocalSampler local) return null;
        var read = Refused(path, () => local.ClassesRead(scan.Classes, scan.Counts));
        if (read is null) return null;
        var mask = new bool[scan.Counts.Length];
        foreach (var c in read) mask[c] = true;
        return new StreamingResample(scan, sampler, null, mask);
    }

    /// <summary>Reads the table again and writes the resampled table to <paramref name="stream"/>, with an index
    /// column named <paramref name="indexColumn"/> when given.</summary>
    /// <exception cref="DataException">The sampler refuses the data, or the file changed since it was first read.
    /// </exception>
    public void Write(Stream stream, string? indexColumn)
    {
        var path = _scan.Path;
        if (indexColumn is not null && _scan.Columns.Contains(indexColumn))
            throw new DataException(
                $"the index column '{indexColumn}' is already a column of {path}; choose another name");
        var delimiter = (byte)_scan.Delimiter;
        var output = new ByteBuffer(1 << 20);
        output.AppendHeader(indexColumn is null ? _scan.Columns : [.. _scan.Columns, indexColumn], delimiter);
        var part = new TextArena();
        var lines = new List<int>();
        var seen = new int[_scan.Counts.Length];
        var cursor = new int[_scan.Counts.Length];
        var labels = new TextCoder();
        var classOfCode = new List<int>();
        var bytes = new byte[256];
        var chars = new char[256];
        var row = new ByteBuffer();
        var after = new int[_scan.Counts.Length];
        var distinct = 0;
        var input = 0;
        DelimitedScanner.Scan(path, header =>
        {
            if (!header.SequenceEqual(_scan.Columns)) throw Changed(path);
        }, (csv, line) =>
        {
            var field = csv.GetFieldSpan(_scan.Target);
            if (field.Length > bytes.Length) bytes = new byte[field.Length * 2];
            var code = labels.Code(bytes.AsSpan(0, Encoding.Latin1.GetBytes(field, bytes)), chars);
            if (code == classOfCode.Count) classOfCode.Add(_scan.Classes.IndexOf(labels.Names[code]));
            var c = classOfCode[code];
            if (c < 0 || seen[c] == _scan.Counts[c] || input == _scan.Rows) throw Changed(path);
            var times = 1;
            if (_ranks?[c] is { } drawn)
            {
                for (times = 0; cursor[c] < drawn.Length && drawn[cursor[c]] == seen[c]; cursor[c]++) times++;
            }
            seen[c]++;
            after[c] += times;
            if (times > 0)
            {
                distinct++;
                row.Clear();
                for (var j = 0; j < _scan.Columns.Length; j++)
                {
                    if (j > 0) row.Append(delimiter);
                    field = csv.GetFieldSpan(j);
                    if (field.Length > bytes.Length) bytes = new byte[field.Length * 2];
                    row.AppendField(bytes.AsSpan(0, Encoding.Latin1.GetBytes(field, bytes)), delimiter);
                }
                if (indexColumn is not null)
                {
                    row.Append(delimiter);
                    row.AppendInt(input);
                }
                row.Append((byte)'\n');
                for (var t = 0; t < times; t++)
                {
                    output.Append(row.Written);
                    if (_ranks is not null) _kept.Add(input);
                }
                output.FlushWhenLarge(stream);
            }
            if (_read[c])
            {
                for (var j = 0; j < _scan.Columns.Length; j++) part.AddBytes(csv.GetFieldSpan(j));
                part.EndRow();
                lines.Add(line);
                _partRows.Add(input);
            }
            input++;
        });
        if (input != _scan.Rows) throw Changed(path);
        Removed = _scan.Rows - distinct;
        stream.Write(output.Written);
        if (_sampler is IClassLocalSampler local)
        {
            var table = new RawTable(path, _scan.Columns, part, [.. lines], _scan.Delimiter);
            var data = TableDataset.BuildPart(table, _scan.Target, _scan.Roles, _scan.Classes);
            var whole = new WholeTable(_scan.Counts, _scan.EmptyNumeric, _scan.EmptyCategorical);
            _added = Refused(path, () => local.FitResample(data.Data, whole));
            ResampledTableWriter.WriteRows(data, _added, _added.KeptRows.Length, stream, indexColumn is not null,
                _partRows);
            foreach (var label in _added.Added.Labels) after[label]++;
        }
        After = after;
    }

    /// <summary>Writes the provenance CSV of the rows written by <see cref="Write"/>.</summary>
    public void WriteProvenance(Stream stream)
    {
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
