namespace Imbalanced;

/// <summary>
/// A problem with the data or with what was asked of it (bad input, impossible request).
/// The message is one line that says what is wrong and where, and what to do where the fix is obvious.
/// </summary>
public sealed class DataException : Exception
{
    /// <summary>Creates the exception with its one-line message.</summary>
    public DataException(string message) : base(message) { }

    /// <summary>Creates the exception with its one-line message and the exception that caused it.</summary>
    public DataException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The option property the problem concerns
    /// (<c>KNeighbors</c>), when one does; the message names it.</summary>
    public string? Parameter { get; init; }
}
