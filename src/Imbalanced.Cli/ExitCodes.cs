namespace Imbalanced.Cli;

/// <summary>Exit codes of the <c>imbalanced</c> command (CLI.md).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int DataError = 1;
    public const int UsageError = 2;
}
