using Microsoft.ML.Trainers.FastTree;

namespace Imbalanced.MLNet;

/// <summary>The settings every FastTree and FastForest trainer of this library shares.</summary>
internal static class TreeTraining
{
    /// <summary><paramref name="options"/> reading row weights from <paramref name="weightColumn"/> (none when null),
    /// on <paramref name="threads"/> threads (ML.NET's default when null), and without FastTree's memory statistics:
    /// they are on by default and force full garbage collections on every fit (<c>GC.GetTotalMemory(true)</c>) only to
    /// write a trace line; the model is the same.</summary>
    public static T Configure<T>(T options, string? weightColumn, int? threads)
        where T : TreeOptions
    {
        options.ExampleWeightColumnName = weightColumn;
        options.NumberOfThreads = threads;
        options.MemoryStatistics = false;
        return options;
    }
}
