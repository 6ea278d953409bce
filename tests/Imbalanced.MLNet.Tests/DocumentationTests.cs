using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;

namespace Imbalanced.MLNet.Tests;

/// <summary>
/// Every public type and every public or protected member of Imbalanced.MLNet carries an <c>&lt;example&gt;</c> with
/// code in the XML documentation the build generates (ML.NET's convention). The members are found by reflection,
/// not by reading the XML, so a member without any doc comment is caught as well as one without an example.
/// </summary>
public class DocumentationTests
{
    // What the compiler adds to a record without a doc comment of its own (<Clone>$ is skipped by its name).
    private static readonly HashSet<string> RecordMembers =
    [
        "EqualityContract", "Deconstruct", "PrintMembers", "Equals", "GetHashCode", "ToString", "op_Equality",
        "op_Inequality",
    ];

    private static readonly Assembly Package = typeof(BinaryThresholds).Assembly;

    [Fact]
    public void Every_public_member_of_the_package_has_an_example()
    {
        var docs = LoadDocs();
        var offenders = new List<string>();
        foreach (var member in PublicMembers())
        {
            var id = DocId(member);
            if (IsUndocumentedRecordMember(member, docs.ContainsKey(id))) continue;
            if (!HasExample(member, id, docs, 0)) offenders.Add(id);
        }
        offenders.Sort(StringComparer.Ordinal);
        Assert.True(offenders.Count == 0,
            $"{offenders.Count} public members have no <example> with code:\n{string.Join("\n", offenders)}");
    }

    [Fact]
    public void The_doc_ids_are_those_the_compiler_writes()
    {
        var docs = LoadDocs();
        string Id(Type type, string name, params Type[] parameters) =>
            DocId(type.GetMember(name, MemberTypes.All, BindingFlags.Public | BindingFlags.Static
                    | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Single(m => m is not MethodBase method || method.GetParameters().Select(p => p.ParameterType)
                    .Select(t => t.IsGenericType ? t.GetGenericTypeDefinition() : t).SequenceEqual(parameters)));
        var ids = new[]
        {
            DocId(typeof(ClassWeightedTrainer<,>)),
            DocId(typeof(StratifiedCrossValidationResult<>).GetConstructors().Single()),
            Id(typeof(BinaryThresholds), "Apply", typeof(Microsoft.ML.MLContext),
                typeof(Microsoft.ML.Data.BinaryPredictionTransformer<>), typeof(double)),
            Id(typeof(ClassWeightExtensions), "WithClassWeights", typeof(Microsoft.ML.Trainers.ITrainerEstimator<,>),
                typeof(Microsoft.ML.MLContext), typeof(IReadOnlyDictionary<,>), typeof(string), typeof(string)),
            Id(typeof(BinaryThreshold), "op_Implicit", typeof(BinaryThreshold)),
            Id(typeof(LabelKind), "Key"),
            Id(typeof(DataViewShape), "KeyValues"),
        };
        Assert.Equal(
        [
            "T:Imbalanced.MLNet.ClassWeightedTrainer`2",
            "M:Imbalanced.MLNet.StratifiedCrossValidationResult`1.#ctor(`0,Microsoft.ML.ITransformer," +
                "Microsoft.ML.IDataView,System.Int32)",
            "M:Imbalanced.MLNet.BinaryThresholds.Apply``1(Microsoft.ML.MLContext," +
                "Microsoft.ML.Data.BinaryPredictionTransformer{``0},System.Double)",
            "M:Imbalanced.MLNet.ClassWeightExtensions.WithClassWeights``2(Microsoft.ML.Trainers.ITrainerEstimator{" +
                "``0,``1},Microsoft.ML.MLContext,System.Collections.Generic.IReadOnlyDictionary{System.String," +
                "System.Double},System.String,System.String)",
            "M:Imbalanced.MLNet.BinaryThreshold.op_Implicit(Imbalanced.MLNet.BinaryThreshold)" +
                "~Imbalanced.ModelSelection.ThresholdChoice",
            "F:Imbalanced.MLNet.LabelKind.Key",
            "P:Imbalanced.MLNet.DataViewShape.KeyValues",
        ], ids);
        Assert.All(ids, id => Assert.True(docs.ContainsKey(id), $"the documentation file has no member '{id}'"));
    }

    // The documentation file the build wrote next to the package's assembly (GenerateDocumentationFile is on for
    // every project under src/, and a project reference copies it to this test's output).
    private static Dictionary<string, XElement> LoadDocs()
    {
        var path = Path.ChangeExtension(Package.Location, ".xml");
        Assert.True(File.Exists(path), $"no documentation file at {path}");
        return XDocument.Load(path).Root!.Element("members")!.Elements("member")
            .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);
    }

    // Every public type of the package and every public or protected member it declares, accessors and compiler
    // output (names with '<', an enum's value__) left out.
    private static IEnumerable<MemberInfo> PublicMembers()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var types = Package.GetTypes().Where(t => t.IsVisible && !t.Name.Contains('<', StringComparison.Ordinal));
        foreach (var type in types)
        {
            yield return type;
            var accessors = type.GetProperties(Declared).SelectMany(p => p.GetAccessors(true))
                .Concat(type.GetEvents(Declared).SelectMany(e => new[] { e.AddMethod, e.RemoveMethod, e.RaiseMethod }))
                .OfType<MethodInfo>().ToHashSet();
            foreach (var member in type.GetMembers(Declared))
            {
                if (member.Name.Contains('<', StringComparison.Ordinal) || member is Type) continue;
                var visible = member switch
                {
                    MethodBase m => !accessors.Contains(m) && IsVisible(m),
                    PropertyInfo p => p.GetAccessors(true).Any(IsVisible),
                    EventInfo e => e.AddMethod is { } add && IsVisible(add),
                    FieldInfo f => (f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly) && !f.IsSpecialName,
                    _ => false,
                };
                if (visible) yield return member;
            }
        }
    }

    private static bool IsVisible(MethodBase method) =>
        method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    // A member the compiler adds to a record has no doc comment; a hand-written one with a doc comment is checked.
    private static bool IsUndocumentedRecordMember(MemberInfo member, bool documented) =>
        !documented && member.DeclaringType?.GetMethod("<Clone>$") is not null && RecordMembers.Contains(member.Name)
        && member.IsDefined(typeof(CompilerGeneratedAttribute));

    // Whether the member's doc has an <example> with code, following <inheritdoc/> only to members of this package:
    // a doc inherited from ML.NET or the core library has no example of ours.
    private static bool HasExample(MemberInfo? member, string id, Dictionary<string, XElement> docs, int depth)
    {
        if (depth > 8 || !docs.TryGetValue(id, out var doc)) return false;
        var example = doc.Element("example");
        if (example is not null)
            return example.Descendants()
                .Any(e => e.Name.LocalName is "code" or "c" && !string.IsNullOrWhiteSpace(e.Value));
        var inherit = doc.Element("inheritdoc");
        if (inherit is null) return false;
        if (inherit.Attribute("cref") is { } cref) return HasExample(null, cref.Value, docs, depth + 1);
        var source = member is null ? null : InheritedFrom(member);
        return source is not null && source.Module.Assembly == Package
            && HasExample(source, DocId(source), docs, depth + 1);
    }

    // The member an <inheritdoc/> without cref copies: the overridden member, else the interface member implemented.
    private static MemberInfo? InheritedFrom(MemberInfo member)
    {
        var method = member switch
        {
            MethodInfo m => m,
            PropertyInfo p => p.GetMethod ?? p.SetMethod,
            EventInfo e => e.AddMethod,
            _ => null,
        };
        if (method is null || method.DeclaringType is not { } type) return null;
        MethodInfo? source = method.GetBaseDefinition() is var baseMethod && baseMethod != method ? baseMethod : null;
        source ??= type.IsInterface ? null : type.GetInterfaces().Select(type.GetInterfaceMap)
            .SelectMany(map => map.TargetMethods.Zip(map.InterfaceMethods))
            .Where(pair => pair.First == method).Select(pair => pair.Second).FirstOrDefault();
        if (source is null) return null;
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        return member switch
        {
            PropertyInfo => source.DeclaringType!.GetProperties(All)
                .FirstOrDefault(p => p.GetMethod == source || p.SetMethod == source),
            EventInfo => source.DeclaringType!.GetEvents(All).FirstOrDefault(e => e.AddMethod == source),
            _ => source,
        };
    }

    // The documentation ID (ECMA-334 annex D) the compiler writes for the member.
    private static string DocId(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeName(type),
        ConstructorInfo c => $"M:{TypeName(c.DeclaringType!)}.{(c.IsStatic ? "#cctor" : "#ctor")}"
            + Parameters(c.GetParameters()),
        MethodInfo m => $"M:{TypeName(m.DeclaringType!)}.{m.Name.Replace('.', '#')}"
            + (m.IsGenericMethod ? "``" + m.GetGenericArguments().Length : "")
            + Parameters(m.GetParameters())
            + (m.Name is "op_Implicit" or "op_Explicit" ? "~" + ParameterType(m.ReturnType) : ""),
        PropertyInfo p => $"P:{TypeName(p.DeclaringType!)}.{p.Name.Replace('.', '#')}"
            + Parameters(p.GetIndexParameters()),
        FieldInfo f => $"F:{TypeName(f.DeclaringType!)}.{f.Name}",
        EventInfo e => $"E:{TypeName(e.DeclaringType!)}.{e.Name}",
        _ => throw new ArgumentException($"no documentation ID for a {member.MemberType}", nameof(member)),
    };

    // A type as a declaring type: namespace, outer types and names with their arity (`2), dots between.
    private static string TypeName(Type type) =>
        type.IsNested ? TypeName(type.DeclaringType!) + "." + type.Name
        : string.IsNullOrEmpty(type.Namespace) ? type.Name : type.Namespace + "." + type.Name;

    private static string Parameters(ParameterInfo[] parameters) => parameters.Length == 0 ? ""
        : "(" + string.Join(",", parameters.Select(p => ParameterType(p.ParameterType))) + ")";

    // A type in a parameter list: `n for the type's n-th type parameter, ``n for the method's, {..} for type
    // arguments, [] for arrays, @ for ref/out/in.
    private static string ParameterType(Type type)
    {
        if (type.IsByRef) return ParameterType(type.GetElementType()!) + "@";
        if (type.IsPointer) return ParameterType(type.GetElementType()!) + "*";
        if (type.IsArray)
            return ParameterType(type.GetElementType()!) + (type.IsSZArray ? "[]"
                : "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]");
        if (type.IsGenericParameter)
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        if (!type.IsGenericType) return TypeName(type);
        var arguments = type.GetGenericArguments();
        var chain = new List<Type>();
        for (var t = type.GetGenericTypeDefinition(); t is not null; t = t.DeclaringType) chain.Insert(0, t);
        var used = 0;
        var parts = chain.Select(t =>
        {
            var tick = t.Name.IndexOf('`', StringComparison.Ordinal);
            if (tick < 0) return t.Name;
            var count = int.Parse(t.Name[(tick + 1)..], System.Globalization.CultureInfo.InvariantCulture);
            var text = t.Name[..tick] + "{" + string.Join(",", arguments.Skip(used).Take(count).Select(ParameterType))
                + "}";
            used += count;
            return text;
        });
        var ns = chain[0].Namespace;
        return (string.IsNullOrEmpty(ns) ? "" : ns + ".") + string.Join(".", parts);
    }
}
