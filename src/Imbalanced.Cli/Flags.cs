using System.Text;
using System.Text.RegularExpressions;
using Imbalanced.Sampling;

namespace Imbalanced.Cli;

/// <summary>
/// The one place where the command line names things: the flag of each sampler parameter (from imbalanced-learn's
/// name), the text of enum values, and the translation of a library message that names an option property
/// (<c>MNeighbors</c>) into the flag a user typed (<c>--m-neighbors</c>).
/// </summary>
internal static partial class Flags
{
    /// <summary>Parameters whose flag is not imbalanced-learn's name spelled with dashes.</summary>
    private static readonly Dictionary<string, string> Renamed = new()
    {
        ["categorical_features"] = "--categorical",
        ["kmeans_estimator"] = "--clusters",
    };

    /// <summary>Option properties of the libraries whose flag is not their name in kebab case.</summary>
    private static readonly Dictionary<string, string> RenamedProperties = new()
    {
        ["Folds"] = "--cv",
        ["ClassSeparation"] = "--class-sep",
    };

    /// <summary>The flag of a sampler parameter: <c>k_neighbors</c> → <c>--k-neighbors</c>.</summary>
    public static string Of(SamplerParameter parameter) =>
        Renamed.TryGetValue(parameter.Name, out var flag) ? flag
            : "--" + parameter.Name.ToLowerInvariant().Replace('_', '-');

    /// <summary>The flag of an option property named in a library message: a sampler parameter's flag, else the
    /// property in kebab case (<c>TuneThreshold</c> → <c>--tune-threshold</c>).</summary>
    public static string OfProperty(string property)
    {
        foreach (var info in SamplerRegistry.All)
            foreach (var p in info.Parameters)
                if (p.Property == property) return Of(p);
        return RenamedProperties.TryGetValue(property, out var flag) ? flag : "--" + Kebab(property);
    }

    /// <summary>The message of a refused argument without .NET's decorations: the <c>(Parameter 'x')</c> suffix and
    /// the <c>Actual value was …</c> line of an <see cref="ArgumentOutOfRangeException"/>.</summary>
    /// <example><c>Flags.Plain(new ArgumentOutOfRangeException("Fn", -1, "Fn must be at least 0"))</c> is
    /// <c>Fn must be at least 0</c>.</example>
    public static string Plain(ArgumentException e)
    {
        var message = e.Message;
        var actual = message.IndexOf($"{Environment.NewLine}Actual value was ", StringComparison.Ordinal);
        if (e is ArgumentOutOfRangeException && actual >= 0) message = message[..actual];
        var suffix = $" (Parameter '{e.ParamName}')";
        if (!string.IsNullOrEmpty(e.ParamName) && message.EndsWith(suffix, StringComparison.Ordinal))
            message = message[..^suffix.Length];
        return message;
    }

    /// <summary>A parse error of System.CommandLine as the command line prints it: its "cannot parse … as expected
    /// type 'System.Double'" names a .NET type, so it becomes the option, the value and the kind of value expected.
    /// Other messages are returned unchanged.</summary>
    /// <example><c>Cannot parse argument 'abc' for option '--folds' as expected type 'System.Int32'.</c> becomes
    /// <c>--folds: 'abc' is not a whole number</c>.</example>
    public static string ParseError(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return message;
        var type = m.Groups["type"].Value;
        var kind = WholeTypes().IsMatch(type) ? "a whole number"
            : NumberTypes().IsMatch(type) ? "a number"
            : "a valid value";
        return $"{m.Groups["flag"].Value}: '{m.Groups["value"].Value}' is not {kind}";
    }

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (?:option|command|argument) '(?<flag>[^']*)' " +
        @"as expected type '(?<type>[^']*)'\.?", RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"\b(?:U?Int(?:16|32|64|128)|S?Byte)\b")]
    private static partial Regex WholeTypes();

    [GeneratedRegex(@"\b(?:Double|Single|Decimal|Half)\b")]
    private static partial Regex NumberTypes();

    /// <summary>An enum value as the command line spells it: <c>Borderline2</c> → <c>borderline-2</c>.</summary>
    public static string Kebab(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1])));
            if (boundary) text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>Options of the comparison workflow that its messages name, each the flag in kebab case.</summary>
    private static readonly string[] WorkflowProperties =
        ["TuneThreshold", "Cost", "Impute", "Calibration", "Threads", "Repeats"];

    /// <summary>Library advice that the command line gives with its own option.</summary>
    private static readonly Dictionary<string, string> Advice = new()
    {
        ["or leave the column out"] = "or drop the column with --drop",
        ["or leave the columns out"] = "or drop the columns with --drop (names comma-separated)",
        ["fill them in or leave the column out"] = "fill them in or drop the column with --drop",
    };

    /// <summary>Option properties of the libraries that messages may name: every sampler parameter and the
    /// options of the generator.</summary>
    private static readonly Lazy<HashSet<string>> SamplerProperties = new(() =>
        SamplerRegistry.All.SelectMany(i => i.Parameters.Select(p => p.Property))
            .Concat(typeof(Imbalanced.Synthetic.ClassificationOptions).GetProperties().Select(p => p.Name))
            .Concat(WorkflowProperties)
            .ToHashSet());

    /// <summary>An option value the library refused, as the command line prints it: without .NET's decorations
    /// (<see cref="Plain"/>), its properties spelled as flags (<see cref="Translate(string, string?)"/>).</summary>
    /// <example><c>Flags.Translate(new ArgumentOutOfRangeException("KNeighbors", 0, "KNeighbors must be at least
    /// 1"))</c> is <c>--k-neighbors must be at least 1</c>.</example>
    public static string Translate(ArgumentException e) => Translate(Plain(e), e.ParamName);

    /// <summary>A library message as the command line prints it: the option property it concerns
    /// (<paramref name="property"/>) and every sampler option property it names are spelled as flags.</summary>
    public static string Translate(string message, string? property)
    {
        if (!string.IsNullOrEmpty(property)) message = message.Replace($" (Parameter '{property}')", "");
        var names = new HashSet<string>(SamplerProperties.Value);
        if (!string.IsNullOrEmpty(property)) names.Add(property);
        foreach (var name in names.OrderByDescending(n => n.Length))
            message = Regex.Replace(message, $@"(?<![\w-])\b{Regex.Escape(name)}\b", OfProperty(name));
        foreach (var (library, cli) in Advice.OrderByDescending(a => a.Key.Length))
            message = message.Replace(library, cli);
        return message;
    }
}
