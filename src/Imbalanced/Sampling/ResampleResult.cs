using Imbalanced.Neighbors;
using Imbalanced.Data;
using Imbalanced.Sampling.OverSampling;

namespace Imbalanced.Sampling;

/// <summary>
/// A resampled data set with provenance: the input rows kept (in input order), then the rows added, grouped
/// by class in class order. Each added row records its source (exact copy), base, neighbour and gap.
/// </summary>
public sealed class ResampleResult
{
    private Dataset? _materialized;
    private Dataset? _added;
    // The labels of added rows made on demand (see Interpolated and Prototyped); null when they came made.
    private readonly int[]? _onDemandLabels;
    // For rows made on demand as copies (see Prototyped): the rows copied, and the one of an input row.
    private readonly Dataset? _prototypes;
    private readonly int[]? _prototypeOf;

    /// <summary>Creates a result.</summary>
    /// <param name="input">The data set that was resampled.</param>
    /// <param name="keptRows">Input rows kept, ascending (a row repeats when drawn more than once).</param>
    /// <param name="added">The added rows (same columns and classes as <paramref name="input"/>).</param>
    /// <param name="addedOrigins">One origin per added row.</param>
    public ResampleResult(Dataset input, int[] keptRows, Dataset added, RowOrigin[] addedOrigins)
        : this(input, keptRows, added, OriginList.Of(addedOrigins))
    {
    }

    /// <summary>As the public constructor, with the origins held as <paramref name="addedOrigins"/> holds them.
    /// </summary>
    internal ResampleResult(Dataset input, int[] keptRows, Dataset added, OriginList addedOrigins)
    {
        if (added.RowCount != addedOrigins.Length) throw new ArgumentException("one origin per added row is needed");
        RequireFinite(input, added, addedOrigins);
        Input = input;
        KeptRows = keptRows;
        _added = added;
        AddedOrigins = addedOrigins;
    }

    // Rows made on demand: interpolated, or copies of prototypes when given. checkFinite: false when the origins
    // come from a result that has checked its rows already, or the rows are copies of prototypes.
    private ResampleResult(Dataset input, int[] keptRows, int[] labels, OriginList origins, bool checkFinite,
        Dataset? prototypes = null, int[]? prototypeOf = null)
    {
        Input = input;
        KeptRows = keptRows;
        _onDemandLabels = labels;
        AddedOrigins = origins;
        _prototypes = prototypes;
        _prototypeOf = prototypeOf;
        if (!checkFinite) return;
        var scratch = new double[input.NumericCount];
        for (var a = 0; a < origins.Length; a++)
            RequireFinite(input, AddedNumericRow(a, scratch), origins[a], input.NumericNames);
    }

    /// <summary>An over-sampling result whose added rows are each the interpolation of its origin's base row towards
    /// its neighbour row at its gap (<see cref="Interpolation.Write"/>), not made until asked for: a writer makes them
    /// one at a time (<see cref="AddedNumericRow"/>) instead of holding them all beside the input. Numeric data only.
    /// </summary>
    /// <param name="input">The data set resampled (numeric features only).</param>
    /// <param name="labels">The class of each added row.</param>
    /// <param name="origins">The origin of each added row: base, neighbour and gap.</param>
    /// <param name="warnings">The sampler's <see cref="Warnings"/>.</param>
    internal static ResampleResult Interpolated(Dataset input, int[] labels, RowOrigin[] origins,
        IReadOnlyList<string> warnings)
    {
        if (input.CategoricalCount > 0) throw new ArgumentException("numeric data only", nameof(input));
        if (labels.Length != origins.Length) throw new ArgumentException("one origin per added row is needed");
        return new ResampleResult(input, KeepAll(input), labels, OriginList.Of(origins), checkFinite: true)
        {
            Warnings = warnings,
        };
    }

    /// <summary>An over-sampling result whose added rows are each a copy of a row of <paramref name="prototypes"/>
    /// chosen by the input row it was made from (its base), not made until asked for: SMOTEN's, whose new row
    /// depends on its seed row alone. Only the seeds are held, four bytes a new row.</summary>
    /// <param name="input">The data set resampled.</param>
    /// <param name="labels">The class of each added row.</param>
    /// <param name="bases">The input row each added row was made from.</param>
    /// <param name="prototypes">The rows copied, with the columns of <paramref name="input"/>.</param>
    /// <param name="prototypeOf">For each input row, the row of <paramref name="prototypes"/> an added row made
    /// from it copies; -1 for a row no added row is made from.</param>
    /// <param name="warnings">The sampler's <see cref="Warnings"/>.</param>
    internal static ResampleResult Prototyped(Dataset input, int[] labels, int[] bases, Dataset prototypes,
        int[] prototypeOf, IReadOnlyList<string> warnings)
    {
        if (labels.Length != bases.Length) throw new ArgumentException("one base per added row is needed");
        if (prototypeOf.Length != input.RowCount) throw new ArgumentException("one prototype per input row");
        return new ResampleResult(input, KeepAll(input), labels, OriginList.MadeFrom(bases), checkFinite: false,
            prototypes, prototypeOf)
        {
            Warnings = warnings,
        };
    }

    /// <summary>Refuses added rows with a value that overflowed: infinite, or NaN where the row it was made from
    /// had a value (a missing value copied from an input row stays missing).</summary>
    private static void RequireFinite(Dataset input, Dataset added, OriginList origins)
    {
        for (var a = 0; a < origins.Length; a++)
            RequireFinite(input, added.NumericRow(a), origins[a], added.NumericNames);
    }

    private static void RequireFinite(Dataset input, ReadOnlySpan<double> row, RowOrigin origin,
        IReadOnlyList<string> names)
    {
        for (var j = 0; j < row.Length; j++)
        {
            var v = row[j];
            if (double.IsFinite(v)) continue;
            var from = origin.Source >= 0 ? origin.Source : origin.Base;
            if (double.IsNaN(v) && (from < 0 || double.IsNaN(input.NumericRow(from)[j]))) continue;
            throw new DataException(
                $"column '{names[j]}': its values are too large for this method (a synthetic value " +
                $"overflowed to {v}); rescale the column, for example to other units");
        }
    }

    /// <summary>The input data set.</summary>
    public Dataset Input { get; }

    /// <summary>Input rows kept, in output order (the library's own array); callers see
    /// <see cref="KeptInputRows"/>.</summary>
    internal int[] KeptRows { get; }

    /// <summary>Input rows kept, in output order (a row repeats when drawn more than once), read-only.</summary>
    public IReadOnlyList<int> KeptInputRows => _kept ??= Array.AsReadOnly(KeptRows);

    private IReadOnlyList<int>? _kept;

    /// <summary>The added rows, after the kept ones.</summary>
    public Dataset Added => _added ??= Interpolate();

    /// <summary>The class of each added row, without making the rows.</summary>
    internal int[] AddedLabels => _onDemandLabels ?? Added.Labels;

    /// <summary>Whether the added rows are made on demand and have not been made yet.</summary>
    private bool MadeOnDemand => _added is null && _onDemandLabels is not null;

    /// <summary>The features of added row <paramref name="a"/>: the row itself when the rows are made, else made
    /// in <paramref name="scratch"/> (as long as a row).</summary>
    internal ReadOnlySpan<double> AddedNumericRow(int a, Span<double> scratch)
    {
        if (!MadeOnDemand) return Added.NumericRow(a);
        if (_prototypes is not null) return _prototypes.NumericRow(PrototypeOf(a));
        var origin = AddedOrigins[a];
        Interpolation.Write(Input.NumericRow(origin.Base), Input.NumericRow(origin.Neighbor), origin.Gap, scratch);
        return scratch;
    }

    /// <summary>The numeric features of output row <paramref name="row"/>: in place, or made in
    /// <paramref name="scratch"/> (as long as a row) when it is an added row made on demand.</summary>
    internal ReadOnlySpan<double> OutputRow(int row, Span<double> scratch) => row < KeptRows.Length
        ? Input.NumericRow(KeptRows[row])
        : AddedNumericRow(row - KeptRows.Length, scratch);

    /// <summary>Numeric feature <paramref name="feature"/> of added row <paramref name="a"/>, made from the row's
    /// origin when the rows are made on demand: a column of the new rows read without making them all (a columnar
    /// writer).</summary>
    internal double AddedValue(int a, int feature)
    {
        var p = Input.NumericCount;
        if (!MadeOnDemand) return Added.Numeric[(long)a * p + feature];
        if (_prototypes is not null) return _prototypes.Numeric[(long)PrototypeOf(a) * p + feature];
        var origin = AddedOrigins[a];
        return Interpolation.Value(Input.Numeric[(long)origin.Base * p + feature],
            Input.Numeric[(long)origin.Neighbor * p + feature], origin.Gap);
    }

    /// <summary>The category codes of added row <paramref name="a"/> (none when the rows are interpolated on demand,
    /// which only numeric data allows).</summary>
    internal ReadOnlySpan<int> AddedCategoricalRow(int a) =>
        !MadeOnDemand ? Added.CategoricalRow(a)
        : _prototypes is not null ? _prototypes.CategoricalRow(PrototypeOf(a))
        : default;

    /// <summary>The prototype row added row <paramref name="a"/> copies.</summary>
    private int PrototypeOf(int a) => _prototypeOf![AddedOrigins.Base(a)];

    private Dataset Interpolate()
    {
        if (_prototypes is not null)
        {
            var copies = new int[AddedOrigins.Length];
            for (var a = 0; a < copies.Length; a++) copies[a] = PrototypeOf(a);
            var made = _prototypes.Select(copies);
            return Input.WithRows(made.Numeric, made.Categorical, _onDemandLabels!);
        }
        var numeric = new double[(long)AddedOrigins.Length * Input.NumericCount];
        MakeAddedRows(numeric);
        return Input.WithRows(numeric, [], _onDemandLabels!);
    }

    /// <summary>Makes every added row, one after another, into <paramref name="destination"/>.</summary>
    private void MakeAddedRows(Span<double> destination)
    {
        var p = Input.NumericCount;
        for (var a = 0; a < AddedOrigins.Length; a++) AddedNumericRow(a, destination.Slice(a * p, p));
    }

    /// <summary>Origin of each added row, as the library holds them; callers see
    /// <see cref="AddedRowOrigins"/>.</summary>
    internal OriginList AddedOrigins { get; }

    /// <summary>Origin of each added row, read-only.</summary>
    public IReadOnlyList<RowOrigin> AddedRowOrigins => AddedOrigins;

    /// <summary>Things the user should know about the result (for example a count that could not be reached).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Number of output rows.</summary>
    public int RowCount => KeptRows.Length + AddedOrigins.Length;

    /// <summary>Number of rows added.</summary>
    public int SyntheticCount => AddedOrigins.Length;

    /// <summary>Number of input rows not kept.</summary>
    public int RemovedCount => Input.RowCount - KeptRows.Distinct().Count();

    /// <summary>The origin of output row <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> is not an output row.</exception>
    public RowOrigin Origin(int row) => (uint)row >= (uint)RowCount
        ? throw new ArgumentOutOfRangeException(nameof(row), row,
            $"the result has {RowCount} rows (0 to {RowCount - 1})")
        : row < KeptRows.Length
        ? new RowOrigin(false, KeptRows[row], -1, -1, double.NaN)
        : AddedOrigins[row - KeptRows.Length];

    /// <summary>The class label of output row <paramref name="row"/>.</summary>
    public int LabelOf(int row) =>
        row < KeptRows.Length ? Input.Labels[KeptRows[row]] : AddedLabels[row - KeptRows.Length];

    /// <summary>Rows per class after resampling, indexed by class code.</summary>
    public int[] ClassCounts()
    {
        var counts = new int[Input.Classes.Count];
        foreach (var r in KeptRows) counts[Input.Labels[r]]++;
        foreach (var l in AddedLabels) counts[l]++;
        return counts;
    }

    /// <summary>The resampled data set as one <see cref="Dataset"/> (built on first use).</summary>
    public Dataset ToDataset() => _materialized ??= Combined();

    /// <summary>The resampled data set made as one <see cref="Dataset"/>, not kept by this result
    /// (<see cref="ToDataset"/> keeps it). SMOTE-ENN and SMOTE-Tomek no longer make it: they read the rows through
    /// <see cref="CombinedRows"/>.</summary>
    internal Dataset Combined()
    {
        if (_materialized is not null) return _materialized;
        if (!MadeOnDemand || _prototypes is not null)
            return Dataset.Concat(KeepsAll() ? Input : Input.Select(KeptRows), Added);
        // Added rows made straight into the union: never held apart from it.
        var p = Input.NumericCount;
        var n = KeptRows.Length;
        var numeric = new double[((long)n + AddedOrigins.Length) * p];
        for (var i = 0; i < n; i++) Input.NumericRow(KeptRows[i]).CopyTo(numeric.AsSpan(i * p, p));
        MakeAddedRows(numeric.AsSpan(n * p));
        var labels = new int[n + AddedOrigins.Length];
        for (var i = 0; i < n; i++) labels[i] = Input.Labels[KeptRows[i]];
        _onDemandLabels!.CopyTo(labels, n);
        return Input.WithRows(numeric, [], labels);
    }

    /// <summary>The output rows as points an index reads, with their classes, without the union
    /// <see cref="Combined"/> makes: the input's rows are read where they are and the added rows are made as they
    /// are read (<see cref="AddedNumericRow"/>), none of them copied. Point <c>i</c> is output row <c>i</c>.
    /// </summary>
    internal (PointRows Points, int[] Labels) CombinedRows()
    {
        var n = KeptRows.Length;
        var added = AddedOrigins.Length;
        var labels = new int[n + added];
        for (var i = 0; i < labels.Length; i++) labels[i] = LabelOf(i);
        int[]? map = null;
        if (!KeepsAll())
        {
            // Input rows are rows 0 … n_input − 1 of the points, the added rows follow.
            map = new int[n + added];
            KeptRows.CopyTo(map, 0);
            for (var a = 0; a < added; a++) map[n + a] = Input.RowCount + a;
        }
        return (new PointRows(Input.Numeric, AddedNumericRow, map, n + added, Input.NumericCount), labels);
    }

    /// <summary>Whether every input row is kept once, in order (an over-sampling result): then the input itself
    /// starts the data set, without a copy of it made first.</summary>
    private bool KeepsAll()
    {
        if (KeptRows.Length != Input.RowCount) return false;
        for (var i = 0; i < KeptRows.Length; i++) if (KeptRows[i] != i) return false;
        return true;
    }

    /// <summary>This result cut down to its output rows <paramref name="rows"/> (a cleaning step's keep list, in
    /// output order): the kept input rows among them, then the added rows among them with their origins. What a
    /// combined sampler returns after cleaning what its over-sampling step made.</summary>
    internal ResampleResult KeepOutputRows(int[] rows)
    {
        var n = KeptRows.Length;
        var kept = rows.Where(i => i < n).Select(i => KeptRows[i]).ToArray();
        var added = rows.Where(i => i >= n).Select(i => i - n).ToArray();
        if (MadeOnDemand)
            return new ResampleResult(Input, kept, [.. added.Select(i => _onDemandLabels![i])],
                AddedOrigins.Select(added), checkFinite: false, _prototypes, _prototypeOf);
        // Every added row kept, in order (cleaning seldom removes a new row): the added rows serve as they are.
        if (added.Length == Added.RowCount && added.Select((a, i) => a == i).All(same => same))
            return new ResampleResult(Input, kept, Added, AddedOrigins);
        return new ResampleResult(Input, kept, Added.Select(added), AddedOrigins.Select(added));
    }

    /// <summary>An over-sampling result: every input row kept, <paramref name="added"/> appended.</summary>
    public static ResampleResult KeepAllAndAdd(Dataset input, Dataset added, RowOrigin[] origins) =>
        KeepAllAndAdd(input, added, origins, []);

    /// <summary><see cref="KeepAllAndAdd(Dataset, Dataset, RowOrigin[])"/> with the sampler's
    /// <see cref="Warnings"/>.</summary>
    internal static ResampleResult KeepAllAndAdd(Dataset input, Dataset added, RowOrigin[] origins,
        IReadOnlyList<string> warnings) => new(input, KeepAll(input), added, origins) { Warnings = warnings };

    private static int[] KeepAll(Dataset input)
    {
        var kept = new int[input.RowCount];
        for (var i = 0; i < kept.Length; i++) kept[i] = i;
        return kept;
    }

    /// <summary>An under-sampling result: only <paramref name="keptRows"/> (sorted here), nothing added.</summary>
    public static ResampleResult Keep(Dataset input, int[] keptRows, IReadOnlyList<string>? warnings = null)
    {
        var sorted = (int[])keptRows.Clone();
        Array.Sort(sorted);
        return new ResampleResult(input, sorted, input.WithRows([], [], []), []) { Warnings = warnings ?? [] };
    }
}
