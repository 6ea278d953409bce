using System.Globalization;
using Imbalanced.Data;

namespace Imbalanced.Sampling;

/// <summary>
/// Which classes a sampler targets and how far, in every form imbalanced-learn's <c>sampling_strategy</c>
/// accepts: <c>auto</c>, <c>minority</c>, <c>majority</c>, <c>not minority</c>, <c>not majority</c>, <c>all</c>,
/// a ratio for binary problems, a per-class count dictionary, a class list (cleaning samplers) or a function.
/// </summary>
/// <remarks>
/// Resolution follows <c>imblearn.utils.check_sampling_strategy</c> exactly. For over-sampling the result is
/// the number of rows to <em>add</em> per class; for under-sampling the number of rows to <em>keep</em>; for
/// cleaning, the targeted classes (with the minority count as value, as imbalanced-learn returns it).
/// Where "majority" or "minority" is a tie, the first class in class order wins.
/// </remarks>
public abstract class SamplingStrategy
{
    private SamplingStrategy() { }

    /// <summary><c>auto</c>: <c>not majority</c> for over-samplers,
    /// <c>not minority</c> for under- and cleaning samplers.</summary>
    public static SamplingStrategy Auto { get; } = new Named("auto");

    /// <summary><c>minority</c>: only the minority class (over-samplers only).</summary>
    public static SamplingStrategy Minority { get; } = new Named("minority");

    /// <summary><c>majority</c>: only the majority class (not allowed for over-samplers).</summary>
    public static SamplingStrategy Majority { get; } = new Named("majority");

    /// <summary><c>not minority</c>: every class but the minority.</summary>
    public static SamplingStrategy NotMinority { get; } = new Named("not minority");

    /// <summary><c>not majority</c>: every class but the majority.</summary>
    public static SamplingStrategy NotMajority { get; } = new Named("not majority");

    /// <summary><c>all</c>: every class.</summary>
    public static SamplingStrategy All { get; } = new Named("all");

    /// <summary>A ratio <c>N_minority / N_majority</c> wanted after
    /// resampling, in (0, 1]; binary problems only.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ratio is not in (0, 1].</exception>
    public static SamplingStrategy Ratio(double ratio) => new RatioStrategy(ratio);

    /// <summary>Target counts per class label: rows wanted after
    /// over-sampling, or rows kept by under-sampling.</summary>
    public static SamplingStrategy Counts(IReadOnlyDictionary<string, int> counts) => new CountsStrategy(counts);

    /// <summary>The classes a cleaning sampler may clean.</summary>
    public static SamplingStrategy Classes(IEnumerable<string> labels) => new ListStrategy(labels.ToArray());

    /// <summary>A function of the class counts (label → count)
    /// returning target counts, read as <see cref="Counts"/>.</summary>
    public static SamplingStrategy Function(
        Func<IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>> function) =>
        new FunctionStrategy(function);

    /// <summary>Parses the command line's spelling: a name (<c>not-minority</c> or <c>not minority</c>), a number,
    /// <c>LABEL=COUNT,…</c> or <c>LABEL,…</c>. A label holding a comma is written in double quotes, a quote inside
    /// doubled, as in a CSV field: <c>"bad, really"=100</c>.</summary>
    public static SamplingStrategy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var name = text.Trim().Replace('-', ' ').ToLowerInvariant();
        switch (name)
        {
            case "auto": return Auto;
            case "minority": return Minority;
            case "majority": return Majority;
            case "not minority": return NotMinority;
            case "not majority": return NotMajority;
            case "all": return All;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio)) return Ratio(ratio);
        var parts = SplitList(text);
        if (parts.Any(p => EqualsSign(p) >= 0))
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var part in parts)
            {
                var at = EqualsSign(part);
                if (at < 0 || !int.TryParse(part.AsSpan(at + 1), NumberStyles.Integer, CultureInfo.InvariantCulture,
                        out var count))
                    throw new FormatException($"'{part}' in strategy '{text}' is not LABEL=COUNT");
                counts[Unquote(part[..at])] = count;
            }
            return Counts(counts);
        }
        return Classes(parts.Select(Unquote));
    }

    /// <summary>Where the last <c>=</c> outside double quotes is in <paramref name="part"/>, or -1.</summary>
    private static int EqualsSign(string part) => Unquoted(part, '=').DefaultIfEmpty(-1).Last();

    /// <summary>The comma-separated parts of <paramref name="text"/>, commas inside double quotes kept.</summary>
    private static List<string> SplitList(string text)
    {
        var parts = new List<string>();
        var start = 0;
        foreach (var comma in Unquoted(text, ','))
        {
            parts.Add(text[start..comma]);
            start = comma + 1;
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The positions of <paramref name="c"/> in <paramref name="text"/> outside double quotes.</summary>
    private static IEnumerable<int> Unquoted(string text, char c)
    {
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '"') quoted = !quoted;
            else if (text[i] == c && !quoted) yield return i;
        }
    }

    /// <summary>A label as written, or, when wrapped in double quotes, what they hold (a doubled quote is one).
    /// </summary>
    private static string Unquote(string label) =>
        label.Length >= 2 && label[0] == '"' && label[^1] == '"' ? label[1..^1].Replace("\"\"", "\"") : label;

    /// <summary>Resolves the strategy for class counts <paramref name="counts"/> (indexed by class code).</summary>
    /// <returns>Class code → number, in class order (see the class remarks for what the number means).</returns>
    /// <exception cref="DataException">The strategy cannot be applied to these classes.</exception>
    public IReadOnlyDictionary<int, int> Resolve(IReadOnlyList<int> counts, ClassSet classes, SamplingType type)
    {
        if (counts.Count(c => c > 0) <= 1)
            throw new DataException("the target needs more than one class; found only " +
                $"{(counts.Count == 0 ? "none" : $"'{classes[IndexOfMax(counts)]}'")}");
        var result = ResolveCore(counts, classes, type);
        if (type == SamplingType.OverSampling)
        {
            var total = counts.Sum(c => (long)c) + result.Values.Sum(n => (long)n);
            if (total > Array.MaxLength)
            {
                var (c, n) = result.MaxBy(kv => kv.Value);
                throw new DataException(
                    $"strategy asks for {(long)counts[c] + n} rows of class '{classes[c]}'; the resampled data " +
                    $"would have {total} rows, more than one table can hold ({Array.MaxLength})");
            }
        }
        return new SortedDictionary<int, int>(result.ToDictionary(kv => kv.Key, kv => kv.Value));
    }

    /// <summary>The classes an over-sampler grows under this strategy (those given rows to add), in class order.
    /// </summary>
    internal int[] GrownClasses(int[] counts, ClassSet classes) =>
        [.. Resolve(counts, classes, SamplingType.OverSampling).Where(kv => kv.Value > 0).Select(kv => kv.Key)];

    private protected abstract IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> counts, ClassSet classes,
        SamplingType type);

    private static int IndexOfMax(IReadOnlyList<int> counts)
    {
        var best = 0;
        for (var i = 1; i < counts.Count; i++) if (counts[i] > counts[best]) best = i;
        return best;
    }

    private static int IndexOfMin(IReadOnlyList<int> counts) => ClassCounting.Minority(counts);

    private static IEnumerable<int> Present(IReadOnlyList<int> counts) =>
        Enumerable.Range(0, counts.Count).Where(i => counts[i] > 0);

    private sealed class Named(string name) : SamplingStrategy
    {
        public override string ToString() => name;

        private protected override IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> counts,
            ClassSet classes, SamplingType type)
        {
            var major = IndexOfMax(counts);
            var minor = IndexOfMin(counts);
            int nMaj = counts[major], nMin = counts[minor];
            var effective = name;
            if (name == "auto") effective = type == SamplingType.OverSampling ? "not majority" : "not minority";
            Func<int, bool> selected = effective switch
            {
                "minority" => c => c == minor,
                "majority" => c => c == major,
                "not minority" => c => c != minor,
                "not majority" => c => c != major,
                _ => _ => true,
            };
            if (type == SamplingType.OverSampling && effective == "majority")
                throw new DataException("strategy 'majority' cannot be used with an over-sampler; use 'minority', " +
                    "'not-majority' or 'auto'");
            if (type != SamplingType.OverSampling && effective == "minority")
                throw new DataException("strategy 'minority' cannot be used with an under-sampler or a cleaning " +
                    "method; use 'majority', 'not-minority' or 'auto'");
            return Present(counts).Where(selected)
                .ToDictionary(c => c, c => type == SamplingType.OverSampling ? nMaj - counts[c] : nMin);
        }
    }

    private sealed class RatioStrategy : SamplingStrategy
    {
        private readonly double _ratio;

        public RatioStrategy(double ratio)
        {
            if (!(ratio > 0 && ratio <= 1))
                throw new ArgumentOutOfRangeException(nameof(ratio), ratio,
                    $"a ratio strategy must be in (0, 1]; got {ratio.ToString(CultureInfo.InvariantCulture)}");
            _ratio = ratio;
        }

        public override string ToString() => _ratio.ToString("R", CultureInfo.InvariantCulture);

        private protected override IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> counts,
            ClassSet classes, SamplingType type)
        {
            if (type == SamplingType.CleanSampling)
            {
                // A class whose label is this number was most likely meant: say how to name it.
                var meant = classes.Labels.FirstOrDefault(l =>
                    double.TryParse(l, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v == _ratio);
                throw new DataException("a cleaning method does not take a ratio; give the classes to clean " +
                    "(LABEL,LABEL) or a named strategy" + (meant is null ? "" :
                        $" (a bare number is read as a ratio: to clean class '{meant}', name it in double quotes, " +
                        $"\"{meant}\"; in a shell '\"{meant}\"')"));
            }
            if (Present(counts).Count() != 2)
                throw new DataException("a ratio strategy needs exactly two classes; there are " +
                    $"{Present(counts).Count()}; give LABEL=COUNT for each class instead");
            var major = IndexOfMax(counts);
            var minor = IndexOfMin(counts);
            switch (type)
            {
                case SamplingType.OverSampling:
                    {
                        var result = Present(counts).Where(c => c != major).ToDictionary(c => c,
                            c => (int)(counts[major] * _ratio - counts[c]));
                        foreach (var (c, n) in result)
                            if (n < 0)
                                throw new DataException($"ratio {this} asks to remove rows of class '{classes[c]}' " +
                                    $"({counts[c]} rows) while over-sampling; increase the ratio to at least " +
                                    $"{counts[c] / (double)counts[major]:0.####}");
                        return result;
                    }
                case SamplingType.UnderSampling:
                    {
                        var result = Present(counts).Where(c => c != minor).ToDictionary(c => c,
                            c => (int)(counts[minor] / _ratio));
                        foreach (var (c, n) in result)
                            if (n > counts[c])
                                throw new DataException(
                                    $"ratio {this} asks for {n} rows of class '{classes[c]}', which " +
                                    $"has only {counts[c]}, while under-sampling; increase the ratio");
                        return result;
                    }
                default:
                    throw new DataException("a cleaning method does not take a ratio; give the classes to clean " +
                        "(LABEL,LABEL) or a named strategy");
            }
        }
    }

    private sealed class CountsStrategy(IReadOnlyDictionary<string, int> counts) : SamplingStrategy
    {
        public override string ToString() => string.Join(",", counts.Select(kv => $"{kv.Key}={kv.Value}"));

        private protected override IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> classCounts,
            ClassSet classes, SamplingType type)
        {
            if (type == SamplingType.CleanSampling)
                throw new DataException("a cleaning method does not take target counts; give the classes to clean " +
                    "(LABEL,LABEL) or a named strategy");
            var result = new Dictionary<int, int>();
            foreach (var (label, n) in counts)
            {
                var c = classes.IndexOf(label);
                if (c < 0 || classCounts[c] == 0)
                    throw new DataException($"strategy names class '{label}', which is not in the data; the classes " +
                        $"are: {string.Join(", ", classes.Labels)}");
                if (n < 0)
                    throw new DataException(
                        $"strategy asks for {n} rows of class '{label}'; a count cannot be negative");
                if (type == SamplingType.OverSampling)
                {
                    if (n < classCounts[c])
                        throw new DataException($"strategy asks for {n} rows of class '{label}', which has " +
                            $"{classCounts[c]}; an over-sampler can only add rows, so ask for at least " +
                            $"{classCounts[c]}");
                    result[c] = n - classCounts[c];
                }
                else
                {
                    if (n > classCounts[c])
                        throw new DataException($"strategy asks for {n} rows of class '{label}', which has only " +
                            $"{classCounts[c]}; an under-sampler can only remove rows, so ask for at most " +
                            $"{classCounts[c]}");
                    result[c] = n;
                }
            }
            return result;
        }
    }

    private sealed class ListStrategy(string[] labels) : SamplingStrategy
    {
        public override string ToString() => string.Join(",", labels);

        private protected override IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> counts,
            ClassSet classes, SamplingType type)
        {
            if (type != SamplingType.CleanSampling)
                throw new DataException($"a list of classes ('{this}') is only for cleaning methods; give " +
                    "LABEL=COUNT pairs or a named strategy");
            var nMin = counts[IndexOfMin(counts)];
            var result = new Dictionary<int, int>();
            foreach (var label in labels)
            {
                var c = classes.IndexOf(label);
                if (c < 0 || counts[c] == 0)
                    throw new DataException($"strategy names class '{label}', which is not in the data; the classes " +
                        $"are: {string.Join(", ", classes.Labels)}");
                result[c] = nMin;
            }
            return result;
        }
    }

    private sealed class FunctionStrategy(
        Func<IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>> function) : SamplingStrategy
    {
        private protected override IReadOnlyDictionary<int, int> ResolveCore(IReadOnlyList<int> counts,
            ClassSet classes, SamplingType type)
        {
            var byLabel = Present(counts).ToDictionary(c => classes[c], c => counts[c], StringComparer.Ordinal);
            return new CountsStrategy(function(byLabel)).ResolveCore(counts, classes, type);
        }
    }
}
