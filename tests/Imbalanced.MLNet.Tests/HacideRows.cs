using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>A row of Fixtures/hacide_subset.csv as an ML.NET user types it: label, then two features.</summary>
public sealed class Transaction
{
    [LoadColumn(0)]
    public bool Label { get; set; }

    [LoadColumn(1)]
    public float X1 { get; set; }

    [LoadColumn(2)]
    public float X2 { get; set; }
}

/// <summary>The same row as it is served: no label.</summary>
public sealed class Request
{
    public float X1 { get; set; }

    public float X2 { get; set; }
}
