using Imbalanced.Data;

namespace Imbalanced.ModelSelection;

/// <summary>Categorical features as numeric 0/1 columns, one per category, for learners that take numbers
/// only.</summary>
public static class OneHotEncoding
{
    /// <summary>The numeric features, then for each categorical feature one column per category named
    /// <c>feature=category</c>; a missing category leaves its columns missing (NaN).</summary>
    public static Dataset Encode(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.CategoricalCount == 0) return data;
        var names = data.NumericNames.ToList();
        for (var f = 0; f < data.CategoricalCount; f++)
            names.AddRange(data.Categories[f].Select(c => $"{data.CategoricalNames[f]}={c}"));
        var width = names.Count;
        var numeric = new double[data.RowCount * width];
        for (var i = 0; i < data.RowCount; i++)
        {
            data.NumericRow(i).CopyTo(numeric.AsSpan(i * width));
            var o = i * width + data.NumericCount;
            for (var f = 0; f < data.CategoricalCount; f++)
            {
                var code = data.CategoricalRow(i)[f];
                if (code < 0) for (var c = 0; c < data.Categories[f].Count; c++) numeric[o + c] = double.NaN;
                else numeric[o + code] = 1;
                o += data.Categories[f].Count;
            }
        }
        return new Dataset(numeric, names, [], [], [], data.Labels, data.Classes);
    }
}
