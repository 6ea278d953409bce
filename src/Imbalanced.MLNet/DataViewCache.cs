using System.Runtime.CompilerServices;
using Imbalanced.Data;
using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>
/// The ML.NET view of a core <see cref="Dataset"/>, converted once per (data set instance, weights instance, shape)
/// and kept as long as the data set lives: the comparison workflow fits several learners on one training part and
/// predicts one test part with each. Safe to use from several threads; a conversion runs once even when asked for
/// concurrently.
/// </summary>
internal static class DataViewCache
{
    private static readonly ConditionalWeakTable<Dataset, Views> Cache = new();

    /// <summary>How many times <paramref name="data"/> has been converted (for tests).</summary>
    internal static int ConversionsOf(Dataset data) => Cache.TryGetValue(data, out var views) ? views.Conversions : 0;

    /// <summary>The view of <paramref name="data"/> shaped like <paramref name="shape"/>, with a <c>Weight</c>
    /// column when <paramref name="weights"/> is given. For a Boolean label, class 1 of a two-class data set is
    /// <c>True</c>; the labels of other data sets (rows to predict) are all <c>False</c>.</summary>
    public static IDataView Get(Dataset data, DataViewShape shape, IReadOnlyList<double>? weights = null) =>
        Cache.GetValue(data, _ => new Views()).Get(weights, shape,
            // Each view gets a context of its own (a few microseconds): ML.NET's contexts are not thread-safe, and
            // the view only uses it to check arguments and report errors while it is read.
            () => DataViewConversion.ToDataView(new MLContext(0), Labelled(data, shape), shape, weights));

    /// <summary><paramref name="data"/> with the labels its ML.NET view carries: for a Boolean label, class 1 of a
    /// two-class data set is <c>True</c>, and the rows of other data sets are all <c>False</c>.</summary>
    internal static Dataset Labelled(Dataset data, DataViewShape shape)
    {
        if (shape.Label != LabelKind.Boolean) return data;
        return data.Classes.Count == 2
            ? data.WithClasses(["False", "True"])
            : new Dataset(data.Numeric, data.NumericNames, data.Categorical, data.CategoricalNames, data.Categories,
                new int[data.RowCount], ClassSet.FromDistinct(["False", "True"]));
    }

    private static bool Same(DataViewShape a, DataViewShape b) =>
        a.FeatureColumn == b.FeatureColumn && a.LabelColumn == b.LabelColumn && a.FeatureSize == b.FeatureSize
        && a.Label == b.Label && SameList(a.SlotNames, b.SlotNames) && SameList(a.KeyValues, b.KeyValues);

    private static bool SameList(IReadOnlyList<string>? a, IReadOnlyList<string>? b) =>
        a is null ? b is null : b is not null && a.SequenceEqual(b);

    /// <summary>The views of one data set: by weights instance, then by shape.</summary>
    private sealed class Views
    {
        private readonly List<(DataViewShape Shape, Lazy<IDataView> View)> _unweighted = [];
        private readonly ConditionalWeakTable<object, List<(DataViewShape Shape, Lazy<IDataView> View)>> _weighted =
            new();

        private int _conversions;

        public int Conversions => Volatile.Read(ref _conversions);

        public IDataView Get(object? weights, DataViewShape shape, Func<IDataView> convert)
        {
            var views = weights is null ? _unweighted : _weighted.GetValue(weights, _ => []);
            Lazy<IDataView> view;
            lock (views)
            {
                var found = views.FindIndex(v => Same(v.Shape, shape));
                if (found >= 0) view = views[found].View;
                else
                {
                    view = new Lazy<IDataView>(() =>
                    {
                        Interlocked.Increment(ref _conversions);
                        return convert();
                    }, LazyThreadSafetyMode.ExecutionAndPublication);
                    views.Add((shape, view));
                }
            }
            return view.Value;
        }
    }
}
