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
/// <see cref="MLContext"/> and views and give the same kinds of <see cref="ITransformer"/> (one native LightGBM
/// library serves every copy: the workflow leases LightGBM only for one-thread fits). A fit leases a copy no other
/// fit holds, loaded when first needed (at most one per fit running at once, kept for the process's life); the
/// referenced assembly itself is left to the fits that do not lease (multiclass, the balanced ensembles' members),
/// so that they never wait on a leased fit. The model is the same whichever copy trains it (tested); where a copy
/// cannot be loaded (an assembly without a file, as in a single-file application, or a file that fails to load)
/// the fits use the referenced assembly and its locks.
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
        var free = Free.GetOrAdd(referenced, _ => new ConcurrentStack<Assembly>());
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
    /// has no file to load again or the file fails to load.</summary>
    internal static Assembly Load(Assembly referenced)
    {
        if (string.IsNullOrEmpty(referenced.Location)) return referenced;
        try
        {
            return new CopyContext(referenced.GetName().Name!).LoadFromAssemblyPath(referenced.Location);
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            return referenced;
        }
    }

    /// <summary>
    /// The binary trainer that <paramref name="copy"/>'s extension method <paramref name="method"/> of the static class
    /// <paramref name="extensions"/> (such as <c>FastForest</c> of <c>Microsoft.ML.TreeExtensions</c>) makes in
    /// <paramref name="ml"/> from <paramref name="options"/>. For another copy than the options' own assembly the
    /// options are copied member by member (<see cref="CopyOptions"/>); options that cannot be copied so are used
    /// with their own assembly's trainer instead.
    /// </summary>
    public static IEstimator<ITransformer> Trainer(
        Assembly copy, MLContext ml, object options, string extensions, string method)
    {
        var own = options.GetType();
        object copied;
        try
        {
            copied = copy == own.Assembly ? options : CopyOptions(options, own.Assembly, copy);
        }
        catch (NotSupportedException)
        {
            (copy, copied) = (own.Assembly, options);
        }
        var extension = copy.GetType(extensions, throwOnError: true)!.GetMethod(
            method, [typeof(BinaryClassificationCatalog.BinaryClassificationTrainers), copied.GetType()])
            ?? throw new MissingMethodException(extensions, method);
        return (IEstimator<ITransformer>)extension.Invoke(null, BindingFlags.DoNotWrapExceptions, null,
            [ml.BinaryClassification.Trainers, copied], null)!;
    }

    /// <summary>
    /// <paramref name="value"/>, an object of <paramref name="from"/> (options, or an object they hold such as
    /// LightGBM's booster options), as the object of the same type of <paramref name="to"/>: its public fields and
    /// settable properties copied one by one, numbers, text and flags as they are, enumerations by their number,
    /// objects of <paramref name="from"/> in the same way, objects of other assemblies (shared by every copy) as they
    /// are; a null keeps the copy's default (FastTree's early-stopping rule refuses to be set to null).
    /// </summary>
    /// <exception cref="NotSupportedException">A member cannot be copied so (a type without a public constructor
    /// without parameters, or a value of a type the copy's member cannot hold).</exception>
    internal static object CopyOptions(object value, Assembly from, Assembly to)
    {
        var type = to.GetType(value.GetType().FullName!)
            ?? throw new NotSupportedException($"{value.GetType()} has no counterpart in the copy");
        var copied = type.GetConstructor(Type.EmptyTypes) is null
            ? throw new NotSupportedException($"{type} has no constructor without parameters")
            : Activator.CreateInstance(type)!;
        foreach (var field in value.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            if (field.IsInitOnly || field.GetValue(value) is not { } member) continue;
            var target = type.GetField(field.Name)!;
            target.SetValue(copied, Convert(member, target.FieldType, from, to));
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite || !property.CanRead || property.GetIndexParameters().Length > 0
                || property.GetValue(value) is not { } member) continue;
            var target = type.GetProperty(property.Name)!;
            target.SetValue(copied, Convert(member, target.PropertyType, from, to));
        }
        return copied;
    }

    private static object Convert(object value, Type target, Assembly from, Assembly to)
    {
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        if (underlying.IsEnum) return Enum.ToObject(underlying, value);
        if (value.GetType().Assembly == from) value = CopyOptions(value, from, to);
        return target.IsInstanceOfType(value)
            ? value
            : throw new NotSupportedException($"a {value.GetType()} cannot be held by a {target}");
    }

    /// <summary>A context that loads only the copy itself; every other assembly comes from the default context.
    /// </summary>
    private sealed class CopyContext(string name) : AssemblyLoadContext($"Imbalanced.MLNet copy of {name}")
    {
        protected override Assembly? Load(AssemblyName assemblyName) => null;
    }
}
