namespace Imbalanced.Data;

/// <summary>Finds the delimiter of a text file from its header line: comma, semicolon, tab or pipe.</summary>
internal static class DelimiterDetector
{
    private static readonly char[] Candidates = [',', ';', '\t', '|'];

    /// <summary>The candidate that occurs most often outside quotes in <paramref name="headerLine"/>; ties go to
    /// the one the extension suggests (tab for .tsv), then to the order comma, semicolon, tab, pipe.</summary>
    public static char Detect(ReadOnlySpan<char> headerLine, string path)
    {
        var counts = new int[Candidates.Length];
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted)
                for (var k = 0; k < Candidates.Length; k++) if (c == Candidates[k]) counts[k]++;
        }
        var preferred = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : ',';
        var best = Array.IndexOf(Candidates, preferred);
        for (var k = 0; k < Candidates.Length; k++) if (counts[k] > counts[best]) best = k;
        return Candidates[best];
    }
}
