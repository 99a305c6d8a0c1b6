namespace Crisis.Domain;

/// <summary>
/// The names of an enum's values on the wire (the API's lower-case words) and in the UI (Dutch labels), kept in
/// one table per enum so that the two can never drift apart.
/// </summary>
public sealed class WireNames<T> where T : struct, Enum
{
    private readonly (T Value, string Wire, string Dutch)[] _table;

    public WireNames(params (T Value, string Wire, string Dutch)[] table)
    {
        var missing = Enum.GetValues<T>().Except(table.Select(t => t.Value)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"No wire name for {string.Join(", ", missing)} of {typeof(T).Name}.", nameof(table));
        }
        _table = table;
        All = table.Select(t => t.Wire).ToArray();
    }

    /// <summary>Every wire name, in table order: what the API accepts.</summary>
    public IReadOnlyList<string> All { get; }

    public string Wire(T value) => Row(value).Wire;

    public string Dutch(T value) => Row(value).Dutch;

    /// <summary>Parses a wire name, ignoring case and surrounding white space.</summary>
    public bool TryParse(string? wire, out T value)
    {
        foreach (var row in _table)
        {
            if (string.Equals(row.Wire, wire?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = row.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    private (T Value, string Wire, string Dutch) Row(T value)
    {
        foreach (var row in _table)
        {
            if (EqualityComparer<T>.Default.Equals(row.Value, value))
            {
                return row;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a {typeof(T).Name}.");
    }
}
