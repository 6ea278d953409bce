using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Imbalanced.Cli.Display;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.Neighbors;
using Imbalanced.Sampling;
using Imbalanced.Sampling.Regression;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced resample INPUT --target COL --method METHOD --output FILE [options]</c>.</summary>
internal static class ResampleCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var drop = CommonOptions.Drop();
        var method = new Option<string>("--method")
        {
            Description = "one of: " + string.Join(", ", SamplerRegistry.All.Select(e => e.Name)),
            Required = true,
        };
        var output = CommonOptions.Path(new Option<string>("--output")
        {
            Description = "the file to write, in the input's format",
            Required = true,
        });
        var strategy = new Option<string?>("--strategy")
        {
            Description = "auto, minority, majority, not-minority, not-majority, all, a ratio, " +
                "LABEL=COUNT,… or LABEL,… (a label holding a comma in double quotes: '\"bad, really\"=100')",
        };
        var seed = CommonOptions.Seed();
        var indexColumn = new Option<string?>("--index-column")
        {
            Description = "append a column with each row's input row number (empty for synthetic rows)",
        };
        var provenance = CommonOptions.Path(new Option<string?>("--provenance")
        {
            Description = "write row,kind,source,base,neighbor,gap for every output row to this CSV",
        });
        var json = CommonOptions.Json("print a JSON summary to stdout");
        var quiet = CommonOptions.Quiet();
        var threads = new Option<int?>("--threads")
        {
            Description = "threads to use (default: all cores); results do not depend on it",
        };
        var neighbors = new Option<string>("--neighbors")
        {
            Description = "exact, approximate or auto: the neighbour index (auto: exact while that is fast)",
            DefaultValueFactory = _ => "auto",
        };
        var task = CommonOptions.Task();
        var specific = new SamplerFlags();
        var command = new Command("resample", "rebalance a data set with one of the methods")
        {
            input, target, drop, method, output, strategy, seed, indexColumn, provenance, json, quiet, threads,
            neighbors, task,
        };
        foreach (var option in specific.All) command.Add(option);
        command.SetAction(r =>
        {
            var name = r.GetValue(method)!;
            var info = SamplerRegistry.Find(name)
                ?? throw new UsageException($"unknown method '{name}'; the methods are: " +
                    $"{string.Join(", ", SamplerRegistry.All.Select(e => e.Name))}");
            var regression = CommonOptions.IsRegression(r.GetValue(task)!);
            CheckTask(info, regression, r.GetResult(strategy) is { Implicit: false });
            var parameters = specific.Parse(r, info);
            SamplingStrategy parsed;
            try
            {
                parsed = r.GetValue(strategy) is { } text ? SamplingStrategy.Parse(text) : SamplingStrategy.Auto;
            }
            catch (FormatException e)
            {
                throw new UsageException($"--strategy: {e.Message}");
            }
            catch (ArgumentOutOfRangeException e)
            {
                // A ratio outside (0, 1]: wrong whatever the data, a usage error as imbalanced-learn's ValueError.
                throw new UsageException($"--strategy: {e.Message.Split(" (Parameter")[0]}");
            }
            // imbalanced-learn's instance hardness asks a random forest by default; so does the command line, with
            // the same estimator compare and train give it.
            if (info.UsesClassifier) AddEstimator(parameters, info.Name, r.GetValue(seed));
            if (r.GetValue(indexColumn) is { Length: 0 })
                throw new UsageException("--index-column: the name is empty; give the new column a name");
            var usage = new NeighborUsage(ParseNeighbors(r.GetValue(neighbors)!));
            if (r.GetValue(threads) is < 1 and var t)
                throw new UsageException($"--threads must be at least 1; got {t}");
            var search = new NeighborSearch(Algorithm: usage.Asked, MaxDegreeOfParallelism: r.GetValue(threads) ?? 0)
            {
                OnBuild = usage.Record,
            };
            if (regression)
            {
                IRegressionSampler regressor;
                try
                {
                    regressor = info.CreateRegression(r.GetValue(seed), parameters, search);
                }
                catch (ArgumentException e)
                {
                    throw new UsageException(Flags.Translate(e));
                }
                return RunRegression(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(drop) ?? [], info, regressor,
                    r.GetValue(output)!, r.GetValue(indexColumn), r.GetValue(provenance), r.GetValue(json),
                    r.GetValue(quiet), usage);
            }
            ISampler sampler;
            try
            {
                sampler = info.Create(r.GetValue(seed), parsed, parameters, search);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(Flags.Translate(e));
            }
            return Run(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(drop) ?? [], info, sampler,
                r.GetValue(output)!, r.GetValue(indexColumn), r.GetValue(provenance), r.GetValue(json),
                r.GetValue(quiet), usage);
        });
        return command;
    }

    /// <summary>Adds the ML.NET learners' sampler estimator (a random forest seeded with <c>--seed</c>) for methods
    /// that ask a classifier (kept apart so that ML.NET loads only then).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddEstimator(Dictionary<string, object?> parameters, string method, long seed)
    {
        foreach (var (name, value) in Imbalanced.ModelSelection.Techniques.SamplerParametersFor(method, seed,
                     new Imbalanced.MLNet.Workflow.MlNetLearners()))
            parameters[name] = value;
    }

    /// <summary>Refuses a method of the other task, and a strategy for a regression method.</summary>
    private static void CheckTask(SamplerInfo info, bool regression, bool strategyGiven)
    {
        var isRegression = info.Kind == SamplerKind.Regression;
        if (isRegression && !regression)
            throw new UsageException($"--method {info.Name} is a regression method: add --task regression (the " +
                "target must then be a number)");
        if (!isRegression && regression)
            throw new UsageException($"--method {info.Name} is a classification method; with --task regression use " +
                string.Join(" or ", SamplerRegistry.All.Where(s => s.Kind == SamplerKind.Regression)
                    .Select(s => s.Name)));
        if (isRegression && strategyGiven)
            throw new UsageException($"--strategy does not apply to {info.Name}: rarity comes from the target's " +
                "relevance (--relevance-threshold), amounts from --over and --under (default: balance)");
    }

    private static int RunRegression(string input, string target, string[] drop, SamplerInfo info,
        IRegressionSampler sampler, string output, string? indexColumn, string? provenance, bool json, bool quiet,
        NeighborUsage usage)
    {
        var clock = Stopwatch.StartNew();
        DistinctFiles.Check([("the input", input)], ("--output", output), ("--provenance", provenance));
        StatusDisplay.Run($"{info.Name}: reading, resampling, writing", quiet, () =>
        {
            var table = TableDataset.BuildRegression(TableReader.Read(input), target, drop);
            GC.Collect();
            var result = InputErrors.Of(input, () => sampler.FitResample(table.Regression!));
            using var files = new FileTransaction();
            files.Write(output, s => ResampledTableWriter.Write(table, result, s, indexColumn));
            if (provenance is not null)
                files.Write(provenance, s => ResampledTableWriter.WriteProvenance(result.Rows, s));
            // The summary goes to stdout before the files are put in place: a stdout that fails leaves no file.
            files.Commit(json ? () => StandardOutput.Write(JsonOutput.Document(w =>
            {
                w.WriteStartObject();
                w.WriteString("method", info.Name);
                w.WriteString("task", "regression");
                w.WriteString("target", target);
                w.WriteNumber("relevance_threshold", result.Bins.Threshold);
                var rareAfter = result.RareCount();
                WriteRareCommon(w, "before", result.Bins.RareRows, result.Bins.CommonRows);
                WriteRareCommon(w, "after", rareAfter, result.RowCount - rareAfter);
                w.WriteNumber("synthetic", result.SyntheticCount);
                w.WriteNumber("removed", result.RemovedCount);
                w.WriteNumber("seconds", Math.Round(clock.Elapsed.TotalSeconds, 3));
                w.WriteString("neighbors", usage.Reported);
                w.WriteEndObject();
            })) : null);
            return result;
        });
        return ExitCodes.Success;
    }

    private static void WriteRareCommon(Utf8JsonWriter w, string name, int rare, int common)
    {
        w.WriteStartObject(name);
        w.WriteNumber("rare", rare);
        w.WriteNumber("common", common);
        w.WriteEndObject();
    }

    /// <summary>The library's index for a <c>--neighbors</c> value.</summary>
    private static NeighborAlgorithm ParseNeighbors(string text) => text switch
    {
        "exact" => NeighborAlgorithm.Exact,
        "approximate" => NeighborAlgorithm.Approximate,
        "auto" => NeighborAlgorithm.Auto,
        _ => throw new UsageException($"--neighbors: unknown value '{text}'; use exact, approximate or auto"),
    };

    private static int Run(string input, string target, string[] drop, SamplerInfo info, ISampler sampler,
        string output, string? indexColumn, string? provenance, bool json, bool quiet, NeighborUsage usage)
    {
        var clock = Stopwatch.StartNew();
        DistinctFiles.Check([("the input", input)], ("--output", output), ("--provenance", provenance));
        if (!TableReader.IsParquetInput(input))
        {
            var streamed = Streamed(input, target, drop, info, sampler, output, indexColumn, provenance, quiet,
                json ? run => JsonDocument(info.Name, run.Classes, run.Before, run.After, run.Synthetic, run.Removed,
                    clock.Elapsed.TotalSeconds, usage.Reported) : null);
            Finish(info, streamed.Warnings, usage, parquet: false, output, streamed.Classes, streamed.Before,
                streamed.After);
            return ExitCodes.Success;
        }
        // Parquet is read by columns, whole.
        var (classes, before, after, warnings) = StatusDisplay.Run($"{info.Name}: reading, resampling, writing", quiet,
            () =>
        {
            var table = TableDataset.Build(TableReader.Read(input), target, drop);
            // The table's parsed copy of every cell is dead now; reclaim it before resampling allocates, so that
            // peak memory stays near the size of the text kept for verbatim output plus the matrix.
            GC.Collect();
            var result = InputErrors.Of(input, () => sampler.FitResample(table.Data));
            var (before, after) = (table.Data.ClassCounts(), result.ClassCounts());
            using var files = new FileTransaction();
            files.Write(output, s => ResampledTableWriter.Write(table, result, s, indexColumn));
            if (provenance is not null) files.Write(provenance, s => ResampledTableWriter.WriteProvenance(result, s));
            // The summary goes to stdout before the files are put in place: a stdout that fails leaves no file.
            files.Commit(json ? () => StandardOutput.Write(JsonDocument(info.Name, table.Data.Classes, before, after,
                result.SyntheticCount, result.RemovedCount, clock.Elapsed.TotalSeconds, usage.Reported)) : null);
            return (table.Data.Classes, before, after, result.Warnings);
        });
        Finish(info, warnings, usage, parquet: true, output, classes, before, after);
        return ExitCodes.Success;
    }

    /// <summary>Resamples a delimited file without holding its text in memory (<see cref="StreamingResample"/>);
    /// what <paramref name="stdout"/> makes of the run (when given) is printed before the files are put in place.
    /// </summary>
    private static StreamingResample Streamed(string input, string target, string[] drop, SamplerInfo info,
        ISampler sampler, string output, string? indexColumn, string? provenance, bool quiet,
        Func<StreamingResample, byte[]>? stdout) =>
        StatusDisplay.Run($"{info.Name}: reading, resampling, writing", quiet, () =>
        {
            var run = StreamingResample.Prepare(input, target, drop, sampler);
            using var files = new FileTransaction();
            files.Write(output, s => run.Write(s, indexColumn));
            if (provenance is not null) files.Write(provenance, run.WriteProvenance);
            files.Commit(stdout is null ? null : () => StandardOutput.Write(stdout(run)));
            return run;
        });

    /// <summary>The warnings, on stderr, of a run whose input was Parquet when <paramref name="parquet"/>: the
    /// sampler's own, an output name that suggests another format, exact neighbours where approximate ones were asked,
    /// and each class the method removed every row of (SMOTE-ENN's cleaning can: the output is imbalanced-learn's,
    /// but no classifier learns from one class).</summary>
    private static void Finish(SamplerInfo info, IReadOnlyList<string> warnings, NeighborUsage usage, bool parquet,
        string output, ClassSet classes, int[] before, int[] after)
    {
        foreach (var warning in warnings) Console.Error.WriteLine($"warning: {warning}");
        // The output keeps the input's format whatever its name ends with; say so when the name suggests another.
        if (parquet != TableReader.IsParquet(output))
            Console.Error.WriteLine($"warning: --output {output}: written as "
                + $"{(parquet ? "Parquet" : "delimited text")}, the input's format");
        if (usage.Asked == NeighborAlgorithm.Approximate && usage.AnyExact)
            Console.Error.WriteLine($"warning: --neighbors approximate: the approximate index is Euclidean only; " +
                $"{info.Name} used exact neighbours where its distance is not Euclidean");
        for (var c = 0; c < before.Length; c++)
            if (before[c] > 0 && after[c] == 0)
                Console.Error.WriteLine($"warning: {info.Name} removed every row of class '{classes[c]}'");
    }

    private static byte[] JsonDocument(string method, ClassSet classes, int[] before, int[] after, int synthetic,
        int removed, double seconds, string neighbors) =>
        JsonOutput.Document(w =>
        {
            w.WriteStartObject();
            w.WriteString("method", method);
            WriteCounts(w, "before", classes, before);
            WriteCounts(w, "after", classes, after);
            w.WriteNumber("synthetic", synthetic);
            w.WriteNumber("removed", removed);
            w.WriteNumber("seconds", Math.Round(seconds, 3));
            w.WriteString("neighbors", neighbors);
            w.WriteEndObject();
        });

    private static void WriteCounts(Utf8JsonWriter w, string name, ClassSet classes, int[] counts)
    {
        w.WriteStartObject(name);
        for (var c = 0; c < counts.Length; c++) w.WriteNumber(classes[c], counts[c]);
        w.WriteEndObject();
    }

    /// <summary>Which indexes a run built: the answer to <c>--json</c>'s <c>"neighbors"</c>.</summary>
    private sealed class NeighborUsage(NeighborAlgorithm asked)
    {
        private int _approximate;
        private int _exact;

        public NeighborAlgorithm Asked => asked;

        public bool AnyApproximate => Volatile.Read(ref _approximate) != 0;

        public bool AnyExact => Volatile.Read(ref _exact) != 0;

        /// <summary><c>approximate</c> when the run built an approximate index, or built none (its method measures no
        /// distances, as the random samplers and iht's forest) and <c>approximate</c> was asked; else
        /// <c>exact</c>.</summary>
        public string Reported =>
            AnyApproximate || (!AnyExact && asked == NeighborAlgorithm.Approximate) ? "approximate" : "exact";

        public void Record(NeighborAlgorithm built)
        {
            if (built == NeighborAlgorithm.Approximate) Interlocked.Exchange(ref _approximate, 1);
            else Interlocked.Exchange(ref _exact, 1);
        }
    }
}
