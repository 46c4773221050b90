using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MarketingOps.Scripting.Protocol;

/// <summary>
/// A snapshot's counters as a worker holds them: read-only (a worker keeps snapshots between runs, and one run must not
/// change what the next reads), and quick to look up. A snapshot has a handful of counters whose names the formatter
/// hands out as the same strings each time, so a lookup is a short scan that mostly compares references; a read-only
/// wrapper around a dictionary cost a script reading 4,000 snapshots two interface calls and a hash per counter. As
/// that wrapper did, it can be read as an <see cref="IDictionary{TKey, TValue}"/> and refuses every change.
/// </summary>
internal sealed class CounterValues : IReadOnlyDictionary<string, long>, IDictionary<string, long>
{
    private const int ScanLimit = 8;

    private readonly string[] _names;
    private readonly long[] _values;
    private readonly Dictionary<string, int>? _index; // past ScanLimit counters

    /// <param name="names">Distinct names (the caller keeps the last value of a name given twice).</param>
    /// <param name="values">Their values, in the same order.</param>
    /// <param name="count">How many of each array are used.</param>
    public CounterValues(string[] names, long[] values, int count)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        _names = names.Length == count ? names : names[..count];
        _values = values.Length == count ? values : values[..count];
        if (count > ScanLimit)
        {
            _index = new Dictionary<string, int>(count, StringComparer.Ordinal);
            for (var i = 0; i < count; i++)
            {
                _index[_names[i]] = i;
            }
        }
    }

    public int Count => _names.Length;

    public IEnumerable<string> Keys => Array.AsReadOnly(_names);

    public IEnumerable<long> Values => Array.AsReadOnly(_values);

    public long this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The counter '{key}' is not in this snapshot.");

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out long value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? _values[at] : 0;
        return at >= 0;
    }

    public IEnumerator<KeyValuePair<string, long>> GetEnumerator()
    {
        for (var i = 0; i < _names.Length; i++)
        {
            yield return new KeyValuePair<string, long>(_names[i], _values[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    ICollection<string> IDictionary<string, long>.Keys => Array.AsReadOnly(_names);

    ICollection<long> IDictionary<string, long>.Values => Array.AsReadOnly(_values);

    bool ICollection<KeyValuePair<string, long>>.IsReadOnly => true;

    long IDictionary<string, long>.this[string key]
    {
        get => this[key];
        set => throw ReadOnly();
    }

    void IDictionary<string, long>.Add(string key, long value) => throw ReadOnly();

    bool IDictionary<string, long>.Remove(string key) => throw ReadOnly();

    void ICollection<KeyValuePair<string, long>>.Add(KeyValuePair<string, long> item) => throw ReadOnly();

    void ICollection<KeyValuePair<string, long>>.Clear() => throw ReadOnly();

    bool ICollection<KeyValuePair<string, long>>.Remove(KeyValuePair<string, long> item) => throw ReadOnly();

    bool ICollection<KeyValuePair<string, long>>.Contains(KeyValuePair<string, long> item)
        => TryGetValue(item.Key, out var value) && value == item.Value;

    void ICollection<KeyValuePair<string, long>>.CopyTo(KeyValuePair<string, long>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        for (var i = 0; i < _names.Length; i++)
        {
            array[arrayIndex + i] = new KeyValuePair<string, long>(_names[i], _values[i]);
        }
    }

    private static NotSupportedException ReadOnly() => new("A snapshot's counters cannot be changed.");

    private int IndexOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_index is not null)
        {
            return _index.TryGetValue(key, out var found) ? found : -1;
        }

        var names = _names;
        for (var i = 0; i < names.Length; i++)
        {
            if (ReferenceEquals(names[i], key))
            {
                return i;
            }
        }

        for (var i = 0; i < names.Length; i++)
        {
            if (string.Equals(names[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
