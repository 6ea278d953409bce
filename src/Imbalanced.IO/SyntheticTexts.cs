using Parquet.Schema;

namespace Imbalanced.Data;

/// <summary>Synthetic texts: <c>texts[code(row)]</c>, null where the code is negative.</summary>
internal sealed class SyntheticTexts(Func<int, int> code, IReadOnlyList<string> texts) : SyntheticValues
{
    private object?[]? _parsed;

    public override bool AnyNull(int rows)
    {
        for (var a = 0; a < rows; a++) if (code(a) < 0) return true;
        return false;
    }

    public override T? Value<T>(int row, DataField field)
    {
        var c = code(row);
        if (c < 0) return null;
        _parsed ??= ParseAll(typeof(T), field);
        return (T?)_parsed[c];
    }

    public override string? Text(int row) => code(row) is var c and >= 0 ? texts[c] : null;

    private object?[] ParseAll(Type type, DataField field)
    {
        var parsed = new object?[texts.Count];
        for (var c = 0; c < parsed.Length; c++)
        {
            try
            {
                parsed[c] = ParquetValues.FromText(texts[c], type);
                if (parsed[c] is not null && parsed[c]!.GetType() != type) throw new FormatException();
            }
            catch (Exception e) when (e is FormatException or OverflowException)
            {
                throw new DataException($"column '{field.Name}': '{texts[c]}' cannot be written back as a " +
                    $"{type.Name} value; drop the column or write it as strings", e);
            }
        }
        return parsed;
    }
}
