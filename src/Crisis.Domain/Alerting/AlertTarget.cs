namespace Crisis.Domain.Alerting;

/// <summary>What an alert is sent to: a function, a team, or one person.</summary>
public abstract record AlertTarget
{
    private protected AlertTarget()
    {
    }

    /// <summary>
    /// A target from the API's body, where exactly one of <paramref name="function"/>, <paramref name="team"/> and
    /// <paramref name="personId"/> is given; <paramref name="field"/> names it for the refusal (<c>targets[0]</c>).
    /// Codes are trimmed and upper-cased.
    /// </summary>
    public static AlertTarget FromWire(string? function, string? team, bool? everyone, Guid? personId, string field)
    {
        var f = Texts.TrimToNull(function);
        var t = Texts.TrimToNull(team);
        var given = (f is null ? 0 : 1) + (t is null ? 0 : 1) + (personId is null ? 0 : 1);
        if (given != 1 || (everyone is not null && t is null))
        {
            throw AlertingRefusals.TargetUnclear.RaiseFor(field);
        }
        if (f is not null)
        {
            return new FunctionTarget(f.ToUpperInvariant());
        }
        return t is not null ? new TeamTarget(t.ToUpperInvariant(), everyone ?? false) : new PersonTarget(personId!.Value);
    }
}

/// <summary>The person on call for <see cref="Function"/>, escalating by the function's policy.</summary>
public sealed record FunctionTarget(string Function) : AlertTarget
{
    public override string ToString() => Function;
}

/// <summary>
/// A team: the person on call for its head function, escalating by that function's policy; with
/// <see cref="Everyone"/>, every member at once.
/// </summary>
public sealed record TeamTarget(string Team, bool Everyone) : AlertTarget
{
    public override string ToString() => Everyone ? $"{Team} (everyone)" : Team;
}

/// <summary>One named person (also a proefalarm).</summary>
public sealed record PersonTarget(Guid PersonId) : AlertTarget
{
    public override string ToString() => PersonId.ToString();
}
