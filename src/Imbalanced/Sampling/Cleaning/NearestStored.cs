using Imbalanced.Data;
using Imbalanced.Neighbors;

namespace Imbalanced.Sampling.Cleaning;

/// <summary>
/// For condensing (<see cref="CondensedNearestNeighbour"/>): each row's k nearest stored rows, as the metric's
/// reduced distances and places in the store (sorted by distance, then place), and the class they vote for
/// (majority, ties to the first class, as <see cref="KNearestNeighborVote.Predict"/>). Fewer than k while the store
/// holds fewer rows.
/// </summary>
internal sealed class NearestStored
{
    private readonly Dataset _data;
    private readonly int[] _rows;
    private readonly int[] _store;
    private readonly int _joinedClass;
    private readonly int _k;
    private readonly DistanceMetric _metric;
    private readonly double[] _distances;
    private readonly int[] _places;
    private readonly int[] _filled;
    private readonly int[] _predicted;

    /// <summary>Lists for <paramref name="rows"/> (none filled yet): places below <paramref name="store"/>'s length
    /// are its rows, later places rows of class <paramref name="joinedClass"/> that joined.</summary>
    public NearestStored(Dataset data, int[] rows, int[] store, int joinedClass, int k, DistanceMetric metric)
    {
        _data = data;
        _rows = rows;
        _store = store;
        _joinedClass = joinedClass;
        _k = k;
        _metric = metric;
        _distances = new double[rows.Length * k];
        _places = new int[rows.Length * k];
        _filled = new int[rows.Length];
        _predicted = new int[rows.Length];
    }

    /// <summary>The class the stored rows nearest row <c>rows[i]</c> vote for.</summary>
    public int Predicted(int i) => _predicted[i];

    /// <summary>Offers rows <c>rows[start..end]</c> the k nearest of <paramref name="index"/>'s points, which are rows
    /// <paramref name="points"/> at places <paramref name="first"/> + point in the store.</summary>
    public void Add(INeighborIndex index, int[] points, int first, int start, int end)
    {
        var k = Math.Min(_k, points.Length);
        ChunkedQueries.Each(index, _data.Numeric, _rows[start..end], k, (at, found) =>
        {
            var votes = new int[_data.Classes.Count];
            for (var q = 0; q < found.QueryCount; q++)
            {
                var i = start + at + q;
                var row = _data.NumericRow(_rows[i]);
                foreach (var p in found.IndicesOf(q))
                    Offer(i, _metric.Reduced(row, _data.NumericRow(points[p])), first + p);
                Vote(i, votes);
            }
        });
    }

    /// <summary>Row <paramref name="row"/> joins the store at <paramref name="place"/>: rows
    /// <c>rows[from..to]</c> it is nearer to than the last of their list take it.</summary>
    public void Join(int row, int place, int from, int to)
    {
        var joined = _data.NumericRow(row);
        var votes = new int[_data.Classes.Count];
        for (var i = from; i < to; i++)
            if (Offer(i, _metric.Reduced(_data.NumericRow(_rows[i]), joined), place))
                Vote(i, votes);
    }

    /// <summary>Puts (<paramref name="distance"/>, <paramref name="place"/>) into list <paramref name="i"/> when it
    /// comes before its last entry (or the list is not full); false when it does not enter.</summary>
    private bool Offer(int i, double distance, int place)
    {
        var at = i * _k;
        var n = _filled[i];
        if (n == _k && !ExactTopK.Before(distance, place, _distances[at + n - 1], _places[at + n - 1])) return false;
        var pos = n == _k ? n - 1 : n;
        for (; pos > 0 && ExactTopK.Before(distance, place, _distances[at + pos - 1], _places[at + pos - 1]); pos--)
        {
            _distances[at + pos] = _distances[at + pos - 1];
            _places[at + pos] = _places[at + pos - 1];
        }
        _distances[at + pos] = distance;
        _places[at + pos] = place;
        if (n < _k) _filled[i] = n + 1;
        return true;
    }

    /// <summary>List <paramref name="i"/>'s vote: the most common class, ties to the first.</summary>
    private void Vote(int i, int[] votes)
    {
        Array.Clear(votes);
        for (var e = 0; e < _filled[i]; e++)
        {
            var place = _places[i * _k + e];
            votes[place < _store.Length ? _data.Labels[_store[place]] : _joinedClass]++;
        }
        _predicted[i] = KNearestNeighborVote.Majority(votes);
    }
}
