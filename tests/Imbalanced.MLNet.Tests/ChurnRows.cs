using Microsoft.ML.Data;

namespace Imbalanced.MLNet.Tests;

/// <summary>A row of the 300-row churn subset (Fixtures/wa_churn_subset.csv, from the IBM Watson telco churn table)
/// as a user types it: the label <c>churn</c> ("Yes"/"No", which ML.NET's loader reads as Boolean), numbers,
/// categorical text columns, and empty cells in <c>total_charges</c>.</summary>
public sealed class Customer
{
    [LoadColumn(0), ColumnName("Label")]
    public bool Churn { get; set; }

    [LoadColumn(2), ColumnName("senior_citizen")]
    public float SeniorCitizen { get; set; }

    [LoadColumn(5), ColumnName("tenure")]
    public float Tenure { get; set; }

    [LoadColumn(8), ColumnName("internet_service")]
    public string InternetService { get; set; } = "";

    [LoadColumn(15), ColumnName("contract")]
    public string Contract { get; set; } = "";

    [LoadColumn(17), ColumnName("payment_method")]
    public string PaymentMethod { get; set; } = "";

    [LoadColumn(18), ColumnName("monthly_charges")]
    public float MonthlyCharges { get; set; }

    [LoadColumn(19), ColumnName("total_charges")]
    public float TotalCharges { get; set; }
}

/// <summary>A customer to score: every column of <see cref="Customer"/> but the label.</summary>
public sealed class CustomerRequest
{
    [ColumnName("senior_citizen")]
    public float SeniorCitizen { get; set; }

    [ColumnName("tenure")]
    public float Tenure { get; set; }

    [ColumnName("internet_service")]
    public string InternetService { get; set; } = "";

    [ColumnName("contract")]
    public string Contract { get; set; } = "";

    [ColumnName("payment_method")]
    public string PaymentMethod { get; set; } = "";

    [ColumnName("monthly_charges")]
    public float MonthlyCharges { get; set; }

    [ColumnName("total_charges")]
    public float TotalCharges { get; set; }

    public static CustomerRequest Of(Customer c) => new()
    {
        SeniorCitizen = c.SeniorCitizen,
        Tenure = c.Tenure,
        InternetService = c.InternetService,
        Contract = c.Contract,
        PaymentMethod = c.PaymentMethod,
        MonthlyCharges = c.MonthlyCharges,
        TotalCharges = c.TotalCharges,
    };
}

/// <summary>A binary prediction.</summary>
public sealed class ChurnPrediction
{
    public bool PredictedLabel { get; set; }

    public float Probability { get; set; }
}
