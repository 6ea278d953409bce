namespace Imbalanced.Cli.Models;

/// <summary>One feature column the model was trained on: its name, and its categories when categorical.</summary>
internal sealed record FeatureColumn(string Name, IReadOnlyList<string>? Categories);
