using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// Each row's nearest neighbours among the rows still kept, for editing passes that remove rows again and again
/// (RENN, AllKNN): found once for every row, <see cref="Width"/> of them, and asked again only for the rows that have
/// lost so many that fewer than a pass needs are left. Among any subset of the rows that holds a row, its k nearest
/// (itself excluded; ties by distance, then lower index, as <see cref="INeighborIndex"/> orders them) are the first k
/// of its nearest among all rows that are in the subset: with an exact index every pass reads the neighbours an index
/// built again over the rows kept would give. With an approximate one, the approximate lists of the first pass are
/// read so, and the rows asked again are asked of an index over the rows kept.
/// </summary>
internal sealed class KeptNeighbors
{
    /// <summary>Neighbours kept per row beyond the most a pass asks for.</summary>
    internal const int Slack = 8;

    private readonly Dataset _data;
    private readonly NeighborSearch _search;
    private readonly int _asked;

    /// <summary>Row-major, <see cref="Width"/> per row of the data: row numbers, −1 past a row's last neighbour.
    /// </summary>
    private int[]? _lists;

    /// <summary>Keeps neighbours of <paramref name="data"/>'s rows for passes asking at most
    /// <paramref name="mostAsked"/> of them, found with <paramref name="search"/>.</summary>
    public KeptNeighbors(Dataset data, NeighborSearch search, int mostAsked)
    {
        _data = data;
        _search = search;
        _asked = mostAsked;
    }

    /// <summary>Neighbours kept per row (fewer when the data has fewer other rows).</summary>
    public int Width { get; private set; }

    /// <summary>Rows whose neighbours were asked again after the first pass, over all passes.</summary>
    public int Refreshed { get; private set; }

    /// <summary>
    /// The <paramref name="k"/> nearest neighbours of each row in <paramref name="rows"/> (ascending) for which
    /// <paramref name="asked"/> holds, among those rows, numbered as positions in <paramref name="rows"/>:
    /// row-major, <paramref name="k"/> per position (zeros for the rows not asked about).
    /// </summary>
    public int[] Find(int[] rows, int k, Func<int, bool> asked)
    {
        if (_lists is null) First(rows);
        var n = _data.RowCount;
        var position = new int[n];
        Array.Fill(position, -1);
        for (var p = 0; p < rows.Length; p++) position[rows[p]] = p;
        var answers = new int[rows.Length * k];
        var lacking = new List<int>();
        for (var p = 0; p < rows.Length; p++)
            if (asked(rows[p]) && !Read(rows[p], position, answers.AsSpan(p * k, k)))
                lacking.Add(p);
        if (lacking.Count == 0) return answers;
        Ask(rows, lacking);
        foreach (var p in lacking)
            if (!Read(rows[p], position, answers.AsSpan(p * k, k)))
                throw new InvalidOperationException($"row {rows[p]} has fewer than {k} neighbours left");
        return answers;
    }

    /// <summary>The first pass: every row's neighbours among <paramref name="rows"/>.</summary>
    private void First(int[] rows)
    {
        DataChecks.RequireNumericComplete(_data, "edited nearest neighbours");
        Width = Math.Min(_asked + Slack, rows.Length - 1);
        // The approximate graph is made as wide as for the most neighbours a pass asks: the lists past them come
        // from the same graph, at no cost in its memory.
        var search = _search with
        {
            Approximate = _search.Approximate with
            {
                GraphWidth = _search.Approximate.GraphWidth > 0
                    ? _search.Approximate.GraphWidth
                    : Math.Max(_search.Approximate.GraphWidthFor(_asked), Width + 1),
            },
        };
        var all = rows.Length == _data.RowCount;
        var found = NeighborVotes.Index(_data, all ? null : rows, search).QuerySelf(Width, includeSelf: false);
        var lists = found.Indices;
        if (!all)
        {
            lists = new int[_data.RowCount * Width];
            Array.Fill(lists, -1);
            for (var p = 0; p < rows.Length; p++)
            {
                var from = found.IndicesOf(p);
                for (var j = 0; j < Width; j++) lists[rows[p] * Width + j] = rows[from[j]];
            }
        }
        _lists = lists;
        // The first answers' distances are garbage now: on a large table, returned before the passes allocate.
        if (_data.RowCount >= NeighborSearch.ApproximateMinRows) LargeGarbage.Return();
    }

    /// <summary>Writes the first <c>answer.Length</c> neighbours of <paramref name="row"/> still among the rows (as
    /// their positions) into <paramref name="answer"/>; false when fewer are left.</summary>
    private bool Read(int row, int[] position, Span<int> answer)
    {
        var list = _lists!.AsSpan(row * Width, Width);
        var found = 0;
        foreach (var neighbor in list)
        {
            if (neighbor < 0) break;
            var p = position[neighbor];
            if (p < 0) continue;
            answer[found++] = p;
            if (found == answer.Length) return true;
        }
        return answer.Length == 0;
    }

    /// <summary>Asks again, of an index over <paramref name="rows"/>, the neighbours of the rows at positions
    /// <paramref name="lacking"/>, and keeps <see cref="Width"/> of them (their own row excluded).</summary>
    private void Ask(int[] rows, List<int> lacking)
    {
        Refreshed += lacking.Count;
        if (_data.RowCount >= NeighborSearch.ApproximateMinRows) LargeGarbage.Return();
        var index = NeighborVotes.Index(_data, rows.Length == _data.RowCount ? null : rows, _search);
        var ask = Math.Min(Width + 1, rows.Length);
        ChunkedQueries.Each(index, _data.Numeric, [.. lacking.Select(p => rows[p])], ask, (first, found) =>
        {
            for (var q = 0; q < found.QueryCount; q++)
            {
                var self = lacking[first + q];
                var list = _lists!.AsSpan(rows[self] * Width, Width);
                list.Fill(-1);
                var kept = 0;
                foreach (var p in found.IndicesOf(q))
                {
                    // A row's own point comes after any of its duplicates with lower numbers: when ask such rows
                    // come first, the row is not among them and the first Width are its neighbours.
                    if (p == self || p < 0) continue;
                    if (kept == Width) break;
                    list[kept++] = rows[p];
                }
            }
        });
    }
}
