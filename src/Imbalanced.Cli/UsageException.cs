namespace Imbalanced.Cli;

/// <summary>A usage error: unknown method, an option that does
/// not apply, a malformed option value (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
