using Microsoft.ML.Data;
using Microsoft.ML.Transforms;

namespace Imbalanced.MLNet.Ensembles;

/// <summary>
/// The one step of a fitted <see cref="MulticlassBalancedEnsembleEstimator"/> that ML.NET's transformers cannot
/// make: from the members' class scores (concatenated), their weights and whether they vote, one class's ensemble
/// probability and the most probable class, computed by <see cref="EnsembleVoting"/> as
/// <see cref="BalancedEnsembleModel"/> computes them. Everything it needs is in its input columns, so a model
/// holding it saves only its contract name and assembly, and loads wherever ML.NET can load this assembly.
/// </summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class BalancedEnsembleVoteMapping
    : CustomMappingFactory<BalancedEnsembleVoteMapping.Input, BalancedEnsembleVoteMapping.Output>
{
    /// <summary>The name a saved model knows the mapping by.</summary>
    internal const string ContractName = "Imbalanced.MLNet.BalancedEnsembleVote";

    internal const string MembersColumn = Prefix + "Members";
    internal const string WeightsColumn = Prefix + "Weights";
    internal const string VoteColumn = Prefix + "Vote";
    internal const string ClassColumn = Prefix + "Class";
    internal const string ValueColumn = Prefix + "Value";
    internal const string BestColumn = Prefix + "Best";

    /// <summary>The start of the names of the columns an ensemble model uses in passing (and drops).</summary>
    internal const string Prefix = "__ImbalancedEnsemble";

    /// <inheritdoc />
    public override Action<Input, Output> GetMapping() => Map;

    /// <summary>The ensemble probability of class <see cref="Input.Class"/> and the most probable class (the first on
    /// a tie, in class order).</summary>
    /// <exception cref="DataException">The columns do not describe an ensemble.</exception>
    internal static void Map(Input input, Output output)
    {
        var members = input.Weights.Length;
        if (members == 0 || input.Members.Length % members != 0 || input.Members.Length == 0)
            throw new DataException($"a balanced ensemble's model needs the scores of each member: it has " +
                $"{input.Members.Length} scores for {members} members");
        var k = input.Members.Length / members;
        var total = 0.0;
        foreach (var w in input.Weights) total += w;
        var probabilities = new double[k];
        var result = new double[k];
        for (var m = 0; m < members; m++)
        {
            EnsembleVoting.Normalise(input.Members.AsSpan(m * k, k), probabilities);
            EnsembleVoting.Add(probabilities, input.Weights[m] / total, input.Vote != 0, result);
        }
        output.Value = (float)result[input.Class];
        output.Best = Numerics.Vectors.ArgMax(result);
    }

    /// <summary>The columns the mapping reads.</summary>
    internal sealed class Input
    {
        /// <summary>Each member's class scores, in class order, member after member.</summary>
        [ColumnName(MembersColumn)]
        [VectorType]
        public float[] Members { get; set; } = [];

        /// <summary>Each member's weight.</summary>
        [ColumnName(WeightsColumn)]
        [VectorType]
        public float[] Weights { get; set; } = [];

        /// <summary>1 when a member gives its weight to its most probable class (SAMME), 0 when it spreads it over
        /// the classes by their probabilities.</summary>
        [ColumnName(VoteColumn)]
        public int Vote { get; set; }

        /// <summary>The class whose probability is wanted, in class order.</summary>
        [ColumnName(ClassColumn)]
        public int Class { get; set; }
    }

    /// <summary>The columns the mapping writes.</summary>
    internal sealed class Output
    {
        /// <summary>The ensemble probability of the class asked for.</summary>
        [ColumnName(ValueColumn)]
        public float Value { get; set; }

        /// <summary>The most probable class, in class order.</summary>
        [ColumnName(BestColumn)]
        public int Best { get; set; }
    }
}
