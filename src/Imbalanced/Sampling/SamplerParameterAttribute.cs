namespace Imbalanced.Sampling;

/// <summary>
/// Marks an options property as a parameter of its sampler, under imbalanced-learn's name for it. The registry
/// describes every sampler's parameters from these marks (<see cref="SamplerInfo.Parameters"/>), so the options
/// record stays the one place where a parameter and its default are declared; the command line derives its
/// options from that description.
/// </summary>
/// <param name="name">imbalanced-learn's parameter name (<c>k_neighbors</c>).</param>
/// <param name="help">One line saying what the parameter does, for help texts.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SamplerParameterAttribute(string name, string help) : Attribute
{
    /// <summary>imbalanced-learn's parameter name (<c>k_neighbors</c>).</summary>
    public string Name { get; } = name;

    /// <summary>What the parameter does, in one line.</summary>
    public string Help { get; } = help;
}
