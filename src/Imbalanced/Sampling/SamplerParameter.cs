using System.Reflection;

namespace Imbalanced.Sampling;

/// <summary>One parameter of a registered sampler, as its options record declares it.</summary>
/// <param name="Name">imbalanced-learn's name (<c>k_neighbors</c>).</param>
/// <param name="Property">The options property (<c>KNeighbors</c>).</param>
/// <param name="Type">The property's type (<c>int</c>, <c>double?</c>, an enum, ...).</param>
/// <param name="Default">The value of a new options record: the sampler's default.</param>
/// <param name="Help">What the parameter does, in one line.</param>
public sealed record SamplerParameter(string Name, string Property, Type Type, object? Default, string Help)
{
    /// <summary>The parameters <paramref name="optionsType"/> marks with <see cref="SamplerParameterAttribute"/>, in
    /// declaration order, with the defaults of a new instance.</summary>
    internal static SamplerParameter[] Of(Type optionsType)
    {
        var defaults = Activator.CreateInstance(optionsType)!;
        return optionsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Mark: p.GetCustomAttribute<SamplerParameterAttribute>()))
            .Where(x => x.Mark is not null)
            .OrderBy(x => x.Property.MetadataToken)
            .Select(x => new SamplerParameter(x.Mark!.Name, x.Property.Name, x.Property.PropertyType,
                x.Property.GetValue(defaults), x.Mark.Help))
            .ToArray();
    }
}
