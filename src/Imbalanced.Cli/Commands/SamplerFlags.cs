using System.CommandLine;
using System.Globalization;
using Imbalanced.Sampling;

namespace Imbalanced.Cli.Commands;

/// <summary>The method-specific options of <c>resample</c>, derived from the registry's description of every
/// sampler's parameters: one option per flag, parsed to the parameter's type for the method chosen.</summary>
internal sealed class SamplerFlags
{
    private readonly Dictionary<string, Option> _options = [];

    public SamplerFlags()
    {
        foreach (var group in SamplerRegistry.All
                     .SelectMany(info => info.Parameters.Where(Settable).Select(p => (Info: info, Parameter: p)))
                     .GroupBy(x => Flags.Of(x.Parameter)))
        {
            // Methods that give the flag another meaning or other values (--voting, --max-iter) are described apart.
            var description = string.Join("; ", group
                .GroupBy(x => (x.Parameter.Help, Values: Values(x.Parameter.Type)))
                .Select(g => $"{g.Key.Help}{g.Key.Values} ({Methods(g.Select(x => x.Info))})"));
            _options[group.Key] = group.All(x => x.Parameter.Type == typeof(bool))
                ? new Option<bool>(group.Key) { Description = description }
                : new Option<string>(group.Key) { Description = description };
        }
    }

    /// <summary>Method names, once each, for a help line.</summary>
    private static string Methods(IEnumerable<SamplerInfo> infos) =>
        string.Join(", ", infos.Select(i => i.Name).Distinct());

    /// <summary>Every option, to add to the command.</summary>
    public IEnumerable<Option> All => _options.Values;

    /// <summary>The parameters given for <paramref name="info"/>'s method, parsed to their types.</summary>
    /// <exception cref="UsageException">An option the method does not take, or a malformed value.</exception>
    public Dictionary<string, object?> Parse(ParseResult r, SamplerInfo info)
    {
        var taken = info.Parameters.Where(Settable).ToDictionary(Flags.Of);
        var values = new Dictionary<string, object?>();
        foreach (var (flag, option) in _options)
        {
            if (r.GetResult(option) is not { Implicit: false }) continue;
            if (!taken.TryGetValue(flag, out var parameter))
                throw new UsageException($"{flag} does not apply to method '{info.Name}'" + (taken.Count > 0
                    ? $"; it takes: {string.Join(", ", taken.Keys)}" : "; it takes no method-specific option"));
            values[parameter.Name] = option is Option<bool> b ? r.GetValue(b)
                : Convert(flag, r.GetValue((Option<string>)option) ?? "", parameter.Type);
        }
        return values;
    }

    /// <summary>Whether the command line can give a value of this parameter's type.</summary>
    private static bool Settable(SamplerParameter p)
    {
        var t = Nullable.GetUnderlyingType(p.Type) ?? p.Type;
        return t == typeof(int) || t == typeof(double) || t == typeof(bool) || t.IsEnum
            || t == typeof(IReadOnlyList<string>) || IsParsable(t);
    }

    /// <summary>Whether <paramref name="t"/> reads itself from text (<see cref="IParsable{TSelf}"/>), as a
    /// topology of polynomial-fit SMOTE does.</summary>
    private static bool IsParsable(Type t) =>
        t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>)
            && i.GetGenericArguments()[0] == t);

    private static string Values(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum) return ": " + string.Join(" | ", Enum.GetNames(t).Select(Flags.Kebab));
        return Nullable.GetUnderlyingType(type) == typeof(double) ? " (a number or auto)" : "";
    }

    private static object? Convert(string flag, string text, Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        var c = CultureInfo.InvariantCulture;
        if (Nullable.GetUnderlyingType(type) is not null && text == "auto") return null;
        if (t == typeof(int))
            return int.TryParse(text, NumberStyles.Integer, c, out var i) ? i
                : throw new UsageException(System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, c, out _)
                    ? $"{flag}: '{text}' is out of range; give a whole number from {int.MinValue} to {int.MaxValue}"
                    : $"{flag}: '{text}' is not a whole number");
        if (t == typeof(double))
            return CommonOptions.Finite(text) ?? throw new UsageException($"{flag}: '{text}' is not a finite number");
        if (t.IsEnum)
        {
            foreach (var name in Enum.GetNames(t))
                if (Flags.Kebab(name) == text) return Enum.Parse(t, name);
            throw new UsageException(
                $"{flag} must be {string.Join(" or ", Enum.GetNames(t).Select(Flags.Kebab))}; got '{text}'");
        }
        if (IsParsable(t))
        {
            var parse = t.GetMethod("Parse", [typeof(string), typeof(IFormatProvider)])!;
            try
            {
                return parse.Invoke(null, [text, c]);
            }
            catch (System.Reflection.TargetInvocationException e) when (e.InnerException is FormatException f)
            {
                throw new UsageException($"{flag}: {f.Message}");
            }
        }
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
