namespace Imbalanced.Neighbors;

/// <summary>Tiles of 4 query rows, for 16 vector registers.</summary>
internal readonly struct FourRows : ITileRows
{
    public static int Count => 4;
}
