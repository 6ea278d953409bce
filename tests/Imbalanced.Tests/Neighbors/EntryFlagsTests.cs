using Imbalanced.Neighbors;

namespace Imbalanced.Tests.Neighbors;

/// <summary><see cref="EntryFlags"/>: two-bit states, four to a byte, each list in bytes of its own.</summary>
public class EntryFlagsTests
{
    /// <summary>Random sets and insertions on lists of widths that do and do not fill their last byte: every state
    /// read back is the one a byte per entry holds after the same steps.</summary>
    [Theory]
    [InlineData(4)]
    [InlineData(7)]
    [InlineData(24)]
    [InlineData(37)]
    public void States_are_those_a_byte_per_entry_holds(int width)
    {
        const int lists = 50;
        var flags = new EntryFlags(lists, width, 1);
        var model = Enumerable.Repeat((byte)1, lists * width).ToArray();
        var random = new Random(width);
        for (var step = 0; step < 20_000; step++)
        {
            var (list, entry) = (random.Next(lists), random.Next(width));
            if (random.Next(4) == 0)
            {
                flags.MoveOn(list, entry);
                model.AsSpan(list * width + entry, width - 1 - entry).CopyTo(model.AsSpan(list * width + entry + 1));
            }
            else
            {
                var state = random.Next(4);
                flags.Set(list, entry, state);
                model[list * width + entry] = (byte)state;
            }
        }
        for (var list = 0; list < lists; list++)
        {
            for (var entry = 0; entry < width; entry++)
                Assert.Equal(model[list * width + entry], flags.Get(list, entry));
            for (var first = 0; first < width; first += 32)
            {
                var expected = 0UL;
                for (var entry = Math.Min(width, first + 32) - 1; entry >= first; entry--)
                    expected = expected << 2 | model[list * width + entry];
                Assert.Equal(expected, flags.Packed(list, first));
            }
        }
    }

    /// <summary>Threads each changing only their own lists (as the descent's rounds do) lose no write: the states
    /// are those of the same changes made on one thread.</summary>
    [Fact]
    public void Threads_changing_their_own_lists_lose_no_write()
    {
        const int lists = 4_000, width = 7;
        var flags = new EntryFlags(lists, width, 0);
        Parallel.For(0, lists, new ParallelOptions { MaxDegreeOfParallelism = 4 }, list =>
        {
            for (var round = 0; round < 50; round++)
                for (var entry = 0; entry < width; entry++) flags.Set(list, entry, (list + entry + round) % 4);
        });
        for (var list = 0; list < lists; list++)
            for (var entry = 0; entry < width; entry++) Assert.Equal((list + entry + 49) % 4, flags.Get(list, entry));
    }
}
