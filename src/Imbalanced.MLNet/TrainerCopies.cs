using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.ML;

namespace Imbalanced.MLNet;

/// <summary>
/// Copies of an ML.NET trainer assembly, so that its models train side by side. ML.NET trains one FastTree-family
/// model at a time per process (<c>FastTreeTrainerBase.TrainCore</c> holds the static lock
/// <c>FastTreeShared.TrainLock</c> over the assembly's static state), and one LightGBM model at a time
/// (<c>LightGbmShared.LockForMultiThreadingInside</c>). A copy of the assembly loaded into an
/// <see cref="AssemblyLoadContext"/> of its own has its own static state and locks; every other assembly, the rest
/// of ML.NET included, and the native libraries are the default context's, so a copy's trainers take the same
/// <see cref="MLContext"/> and views and give the same kinds of <see cref="ITransformer"/>. A fit leases a copy no
/// other fit holds: the referenced assembly first, then copies loaded as they are first needed (at most one per fit
/// running at once, kept for the process's life). The model is the same whichever copy trains it (tested); where a
/// copy cannot be loaded (an assembly without a file, as in a single-file application) every fit uses the referenced
/// assembly and its locks.
/// </summary>
internal static class TrainerCopies
{
    /// <summary>The class of ML.NET's FastTree-family extension methods (<c>FastTree</c>, <c>FastForest</c>).
    /// </summary>
    public const string TreeExtensions = "Microsoft.ML.TreeExtensions";

    /// <summary>The class of ML.NET's LightGBM extension methods (<c>LightGbm</c>).</summary>
    public const string LightGbmExtensions = "Microsoft.ML.LightGbmExtensions";

    private static readonly ConcurrentDictionary<Assembly, ConcurrentStack<Assembly>> Free = new();

    /// <summary>The result of <paramref name="work"/> on a copy of <paramref name="referenced"/> that no other lease
    /// holds while it runs.</summary>
    public static T Lease<T>(Assembly referenced, Func<Assembly, T> work)
    {
        var free = Free.GetOrAdd(referenced, a => new ConcurrentStack<Assembly>([a]));
        var copy = free.TryPop(out var idle) ? idle : Load(referenced);
        try
        {
            return work(copy);
        }
        finally
        {
            free.Push(copy);
        }
    }

    /// <summary>A new copy of <paramref name="referenced"/> in a context of its own, or the assembly itself when it
    /// has no file to load again.</summary>
    internal static Assembly Load(Assembly referenced) =>
        string.IsNullOrEmpty(referenced.Location)
            ? referenced
            : new CopyContext(referenced.GetName().Name!).LoadFromAssemblyPath(referenced.Location);

    /// <summary>
    /// The binary trainer that <paramref name="copy"/>'s extension method <paramref name="method"/> of the static class
    /// <paramref name="extensions"/> (such as <c>FastForest</c> of <c>Microsoft.ML.TreeExtensions</c>) makes in
    /// <paramref name="ml"/> from <paramref name="options"/>. For another copy than the options' own assembly the
    /// options are copied member by member (numbers, text, flags and enumerations; members of other kinds keep the
    /// copy's defaults).
    /// </summary>
    public static IEstimator<ITransformer> Trainer(
        Assembly copy, MLContext ml, object options, string extensions, string method)
    {
        var own = options.GetType();
        var type = copy.GetType(own.FullName!, throwOnError: true)!;
        var copied = copy == own.Assembly ? options : CopyOptions(options, type);
        var extension = copy.GetType(extensions, throwOnError: true)!.GetMethod(
            method, [typeof(BinaryClassificationCatalog.BinaryClassificationTrainers), type])
            ?? throw new MissingMethodException(extensions, method);
        return (IEstimator<ITransformer>)extension.Invoke(null, [ml.BinaryClassification.Trainers, copied])!;
    }

    private static object CopyOptions(object options, Type type)
    {
        var copied = Activator.CreateInstance(type)!;
        foreach (var field in options.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!IsPlain(field.FieldType) || field.IsInitOnly) continue;
            var target = type.GetField(field.Name)!;
            target.SetValue(copied, Convert(field.GetValue(options), target.FieldType));
        }
        foreach (var property in options.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || !property.CanRead || !IsPlain(property.PropertyType)) continue;
            var target = type.GetProperty(property.Name)!;
            target.SetValue(copied, Convert(property.GetValue(options), target.PropertyType));
        }
        return copied;
    }

    /// <summary>Whether values of <paramref name="type"/> can be copied as they are or by their number.</summary>
    private static bool IsPlain(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string);
    }

    private static object? Convert(object? value, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        return value is not null && underlying.IsEnum ? Enum.ToObject(underlying, value) : value;
    }

    /// <summary>A context that loads only the copy itself; every other assembly comes from the default context.
    /// </summary>
    private sealed class CopyContext(string name) : AssemblyLoadContext($"Imbalanced.MLNet copy of {name}")
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
