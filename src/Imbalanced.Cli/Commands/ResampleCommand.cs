using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Imbalanced.Cli.Display;
using Imbalanced.Cli.Files;
using Imbalanced.Data;
using Imbalanced.Sampling;

namespace Imbalanced.Cli.Commands;

/// <summary><c>imbalanced resample INPUT --target COL --method METHOD --output FILE [options]</c>.</summary>
internal static class ResampleCommand
{
    public static Command Create()
    {
        var input = CommonOptions.Input();
        var target = CommonOptions.Target();
        var drop = CommonOptions.Drop();
        var method = new Option<string>("--method") { Description = "one of: " + string.Join(", ", SamplerRegistry.All.Select(e => e.Name)), Required = true };
        var output = new Option<string>("--output") { Description = "the file to write, in the input's format", Required = true };
        var strategy = new Option<string?>("--strategy") { Description = "auto, minority, majority, not-minority, not-majority, all, a ratio, LABEL=COUNT,… or LABEL,…" };
        var seed = CommonOptions.Seed();
        var indexColumn = new Option<string?>("--index-column") { Description = "append a column with each row's input row number (empty for synthetic rows)" };
        var provenance = new Option<string?>("--provenance") { Description = "write row,kind,source,base,neighbor,gap for every output row to this CSV" };
        var json = CommonOptions.Json("print a JSON summary to stdout");
        var quiet = CommonOptions.Quiet();
        var threads = new Option<int>("--threads") { Description = "threads to use (default: all cores); results do not depend on it" };
        // Method-specific options (imbalanced-learn's parameter names in CLI.md); each method says which it takes.
        var specific = new Dictionary<string, Option>
        {
            ["k-neighbors"] = new Option<int>("--k-neighbors"),
            ["m-neighbors"] = new Option<int>("--m-neighbors"),
            ["n-neighbors"] = new Option<int>("--n-neighbors"),
            ["kind-sel"] = new Option<string>("--kind-sel"),
            ["max-iter"] = new Option<int>("--max-iter"),
            ["allow-minority"] = new Option<bool>("--allow-minority"),
            ["kind"] = new Option<string>("--kind"),
            ["version"] = new Option<int>("--version"),
            ["n-neighbors-ver3"] = new Option<int>("--n-neighbors-ver3"),
            ["out-step"] = new Option<double>("--out-step"),
            ["clusters"] = new Option<int>("--clusters"),
            ["cluster-balance-threshold"] = new Option<double>("--cluster-balance-threshold"),
            ["density-exponent"] = new Option<double>("--density-exponent"),
            ["voting"] = new Option<string>("--voting"),
            ["shrinkage"] = new Option<double>("--shrinkage"),
            ["replacement"] = new Option<bool>("--replacement"),
            ["categorical"] = new Option<string>("--categorical"),
            ["threshold-cleaning"] = new Option<double>("--threshold-cleaning"),
            ["n-seeds-s"] = new Option<int>("--n-seeds-s"),
            ["cv"] = new Option<int>("--cv"),
        };
        var command = new Command("resample", "rebalance a data set with one of the methods")
        {
            input, target, drop, method, output, strategy, seed, indexColumn, provenance, json, quiet, threads,
        };
        foreach (var option in specific.Values) command.Add(option);
        command.SetAction(r =>
        {
            var name = r.GetValue(method)!;
            var info = SamplerRegistry.Find(name)
                ?? throw new UsageException($"unknown method '{name}'; the methods are: {string.Join(", ", SamplerRegistry.All.Select(e => e.Name))}");
            foreach (var (option, symbol) in specific)
                if (r.GetResult(symbol) is { Implicit: false } && !info.Options.Contains(option))
                    throw new UsageException($"--{option} does not apply to method '{name}'{(info.Options.Count > 0 ? $"; it takes: {string.Join(", ", info.Options.Select(o => "--" + o))}" : "")}");
            SamplingStrategy parsed;
            try
            {
                parsed = r.GetValue(strategy) is { } text ? SamplingStrategy.Parse(text) : SamplingStrategy.Auto;
            }
            catch (FormatException e)
            {
                throw new UsageException($"--strategy: {e.Message}");
            }
            var settings = new SamplerSettings
            {
                Strategy = parsed,
                Seed = r.GetValue(seed),
                Threads = r.GetValue(threads),
                KNeighbors = Value<int>(r, specific["k-neighbors"]),
                MNeighbors = Value<int>(r, specific["m-neighbors"]),
                NNeighbors = Value<int>(r, specific["n-neighbors"]),
                Kind = r.GetValue((Option<string>)specific["kind"]),
                Clusters = Value<int>(r, specific["clusters"]),
                OutStep = Value<double>(r, specific["out-step"]),
                KindSel = r.GetValue((Option<string>)specific["kind-sel"]),
                MaxIterations = Value<int>(r, specific["max-iter"]),
                AllowMinority = r.GetValue((Option<bool>)specific["allow-minority"]),
                Version = Value<int>(r, specific["version"]),
                NNeighborsVer3 = Value<int>(r, specific["n-neighbors-ver3"]),
                Voting = r.GetValue((Option<string>)specific["voting"]),
                ThresholdCleaning = Value<double>(r, specific["threshold-cleaning"]),
                NSeedsS = Value<int>(r, specific["n-seeds-s"]),
                Folds = Value<int>(r, specific["cv"]),
                ClusterBalanceThreshold = Value<double>(r, specific["cluster-balance-threshold"]),
                DensityExponent = Value<double>(r, specific["density-exponent"]),
                Categorical = r.GetValue((Option<string>)specific["categorical"])?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Shrinkage = Value<double>(r, specific["shrinkage"]),
                Replacement = r.GetValue((Option<bool>)specific["replacement"]),
                // imbalanced-learn's instance hardness asks a random forest by default; so does the command line.
                Classifier = info.UsesClassifier ? RandomForest(r.GetValue(seed)) : null,
            };
            ISampler sampler;
            try
            {
                sampler = info.Create(settings);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            return Run(r.GetValue(input)!, r.GetValue(target)!, r.GetValue(drop) ?? [], info, sampler, r.GetValue(output)!,
                r.GetValue(indexColumn), r.GetValue(provenance), r.GetValue(json), r.GetValue(quiet));
        });
        return command;
    }

    /// <summary>ML.NET's random forest seeded with <c>--seed</c>, the classifier of methods that need one (kept
    /// apart so that ML.NET loads only then).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Imbalanced.ModelSelection.IClassifier RandomForest(long seed) =>
        Imbalanced.MLNet.MlNetClassifier.RandomForest(new Microsoft.ML.MLContext((int)seed));

    private static T? Value<T>(ParseResult r, Option option) where T : struct =>
        r.GetResult(option) is { Implicit: false } ? r.GetValue((Option<T>)option) : null;

    private static int Run(string input, string target, string[] drop, SamplerInfo info, ISampler sampler, string output,
        string? indexColumn, string? provenance, bool json, bool quiet)
    {
        var clock = Stopwatch.StartNew();
        DistinctFiles.Check([("the input", input)], ("--output", output), ("--provenance", provenance));
        var (table, result) = StatusDisplay.Run($"{info.Name}: reading, resampling, writing", quiet, () =>
        {
            var table = TableDataset.Build(TableReader.Read(input), target, drop);
            // The table's parsed copy of every cell is dead now; reclaim it before resampling allocates, so that
            // peak memory stays near the size of the text kept for verbatim output plus the matrix.
            GC.Collect();
            ResampleResult result;
            try
            {
                result = sampler.FitResample(table.Data);
            }
            catch (DataException e)
            {
                throw new DataException($"{input}: {e.Message}", e);
            }
            using var files = new FileTransaction();
            files.Write(output, s => ResampledTableWriter.Write(table, result, s, indexColumn));
            if (provenance is not null) files.Write(provenance, s => ResampledTableWriter.WriteProvenance(result, s));
            files.Commit();
            return (table, result);
        });
        foreach (var warning in result.Warnings) Console.Error.WriteLine($"warning: {warning}");
        if (json) WriteJson(info.Name, table.Data, result, clock.Elapsed.TotalSeconds);
        return ExitCodes.Success;
    }

    private static void WriteJson(string method, Dataset data, ResampleResult result, double seconds)
    {
        using var stdout = Console.OpenStandardOutput();
        using (var w = new Utf8JsonWriter(stdout))
        {
            w.WriteStartObject();
            w.WriteString("method", method);
            WriteCounts(w, "before", data.Classes, data.ClassCounts());
            WriteCounts(w, "after", data.Classes, result.ClassCounts());
            w.WriteNumber("synthetic", result.SyntheticCount);
            w.WriteNumber("removed", result.RemovedCount);
            w.WriteNumber("seconds", Math.Round(seconds, 3));
            w.WriteEndObject();
        }
        stdout.Write("\n"u8);
    }

    private static void WriteCounts(Utf8JsonWriter w, string name, ClassSet classes, int[] counts)
    {
        w.WriteStartObject(name);
        for (var c = 0; c < counts.Length; c++) w.WriteNumber(classes[c], counts[c]);
        w.WriteEndObject();
    }
}
