namespace Crisis.Domain;

/// <summary>
/// A stable code for a sentence that Crisis says to a person: a refusal, a warning, a notice. The code and its named
/// arguments are the data; each adapter renders them in its own language from its feature's phrase table (English
/// problem details for the API, Dutch for the pages), so nothing ever matches on message text.
/// </summary>
public interface IPhraseCode
{
    /// <summary>The stable code, <c>feature.what-happened</c> in lower case, e.g. <c>roster.shift-skipped-time</c>.</summary>
    string Code { get; }
}

/// <summary>A sentence to say with its arguments: the code and the values its placeholders name.</summary>
public sealed record Phrase(IPhraseCode Code, IReadOnlyList<KeyValuePair<string, object?>> Args)
{
    /// <summary>The value of the argument <paramref name="name"/>, or null when the phrase has none by that name.</summary>
    public object? this[string name] => Args.FirstOrDefault(a => a.Key == name).Value;

    public override string ToString() =>
        Args.Count == 0 ? Code.Code : $"{Code.Code} {{{string.Join(", ", Args.Select(a => $"{a.Key}={a.Value}"))}}}";

    internal static IReadOnlyList<KeyValuePair<string, object?>> ArgsOf((string Name, object? Value)[] args) =>
        args.Select(a => new KeyValuePair<string, object?>(a.Name, a.Value)).ToArray();
}

/// <summary>A sentence that is not a refusal: a warning or a notice (e.g. "not qualified at the shift's start").</summary>
public sealed record NoticeCode(string Code) : IPhraseCode
{
    public Phrase With(params (string Name, object? Value)[] args) => new(this, Phrase.ArgsOf(args));
}

/// <summary>
/// A rule of the domain that a request can break, with the kind of refusal it is. Declared once per feature as a
/// static field (<c>RosterRefusals.ShiftSkippedTime</c>) and raised with its arguments:
/// <c>throw RosterRefusals.ShiftSkippedTime.RaiseFor("start", ("local", local))</c>.
/// </summary>
public sealed record RefusalCode(string Code, ViolationKind Kind) : IPhraseCode
{
    public Phrase With(params (string Name, object? Value)[] args) => new(this, Phrase.ArgsOf(args));

    /// <summary>The refusal as the exception every adapter turns into its language.</summary>
    public RuleViolationException Raise(params (string Name, object? Value)[] args) => new(Kind, With(args));

    /// <summary>The refusal of the input field <paramref name="field"/> (camelCase, as the API names it).</summary>
    public RuleViolationException RaiseFor(string field, params (string Name, object? Value)[] args) => new(Kind, With(args), field);
}

/// <summary>
/// An argument that is already a word in both languages, such as an enum's label: rendered as <see cref="English"/>
/// by the API and as <see cref="Dutch"/> by the pages.
/// </summary>
public sealed record Bilingual(string English, string Dutch)
{
    public override string ToString() => English;
}
