namespace Imbalanced.Neighbors;

/// <summary>Tiles of 8 query rows, for 32 vector registers.</summary>
internal readonly struct EightRows : ITileRows
{
    public static int Count => 8;
}
