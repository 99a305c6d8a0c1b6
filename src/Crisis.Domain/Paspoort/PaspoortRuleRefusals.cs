namespace Crisis.Domain.Paspoort;

/// <summary>
/// The refusals the paspoort's domain rules raise (records, requirements, kinds and results, who writes, the
/// overviews). Their English and Dutch texts are in the web's <c>PaspoortTexts</c>.
/// </summary>
public static class PaspoortRuleRefusals
{
    // ---- Records ---------------------------------------------------------------------------------------------
    public static readonly RefusalCode PersonMissing = new("paspoort.record-person-missing", ViolationKind.Invalid);
    public static readonly RefusalCode ActivityMissing = new("paspoort.activity-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>length</c>, <c>max</c>.</summary>
    public static readonly RefusalCode ActivityTooLong = new("paspoort.activity-too-long", ViolationKind.Invalid);
    /// <summary>Arguments: <c>length</c>, <c>max</c>.</summary>
    public static readonly RefusalCode NotesTooLong = new("paspoort.notes-too-long", ViolationKind.Invalid);
    public static readonly RefusalCode DateMissing = new("paspoort.date-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>date</c>, <c>today</c> (LocalDate).</summary>
    public static readonly RefusalCode DateInFuture = new("paspoort.date-in-future", ViolationKind.Invalid);
    /// <summary>Arguments: <c>date</c>, <c>earliest</c> (LocalDate).</summary>
    public static readonly RefusalCode DateTooEarly = new("paspoort.date-too-early", ViolationKind.Invalid);
    /// <summary>Argument: <c>code</c>.</summary>
    public static readonly RefusalCode RequirementUnknown = new("paspoort.requirement-unknown", ViolationKind.Invalid);
    /// <summary>Arguments: <c>code</c>, <c>function</c>, <c>functions</c> (the ones it belongs to).</summary>
    public static readonly RefusalCode RequirementOfOtherFunction = new("paspoort.requirement-of-other-function", ViolationKind.Invalid);
    /// <summary>Arguments: <c>code</c>, <c>required</c> and <c>kind</c> (kinds, <see cref="Bilingual"/>).</summary>
    public static readonly RefusalCode KindCannotMeet = new("paspoort.kind-cannot-meet", ViolationKind.Invalid);
    /// <summary>Argument: <c>status</c> (<see cref="Bilingual"/>).</summary>
    public static readonly RefusalCode OnlyDraftsConfirmed = new("paspoort.only-drafts-confirmed", ViolationKind.Invalid);
    /// <summary>Argument: <c>results</c> (<see cref="Bilingual"/> list).</summary>
    public static readonly RefusalCode ConfirmNeedsResult = new("paspoort.confirm-needs-result", ViolationKind.Invalid);
    public static readonly RefusalCode WithdrawNeedsReason = new("paspoort.withdraw-needs-reason", ViolationKind.Invalid);
    /// <summary>Argument: <c>recordId</c>.</summary>
    public static readonly RefusalCode RecordNotOfPerson = new("paspoort.record-not-of-person", ViolationKind.Invalid);
    public static readonly RefusalCode WithdrawalNotVoidable = new("paspoort.withdrawal-not-voidable", ViolationKind.Invalid);
    /// <summary>Arguments: <c>recordId</c>, <c>by</c> (the record that voided it).</summary>
    public static readonly RefusalCode RecordAlreadyVoided = new("paspoort.record-already-voided", ViolationKind.Conflict);

    // ---- Kinds and results on the wire -----------------------------------------------------------------------
    /// <summary>Argument: <c>kinds</c> (<see cref="Bilingual"/> list).</summary>
    public static readonly RefusalCode KindMissing = new("paspoort.kind-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>kind</c> (as given, shortened), <c>kinds</c>.</summary>
    public static readonly RefusalCode KindUnknown = new("paspoort.kind-unknown", ViolationKind.Invalid);
    /// <summary>Arguments: <c>result</c> (as given, shortened), <c>results</c>.</summary>
    public static readonly RefusalCode ResultUnknown = new("paspoort.result-unknown", ViolationKind.Invalid);

    // ---- Requirements ----------------------------------------------------------------------------------------
    public static readonly RefusalCode RequirementFunctionMissing = new("paspoort.requirement-function-missing", ViolationKind.Invalid);
    public static readonly RefusalCode RequirementNameMissing = new("paspoort.requirement-name-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>length</c>, <c>max</c>.</summary>
    public static readonly RefusalCode RequirementNameTooLong = new("paspoort.requirement-name-too-long", ViolationKind.Invalid);
    /// <summary>Arguments: <c>min</c>, <c>max</c>, <c>months</c>.</summary>
    public static readonly RefusalCode ValidForMonthsOutOfRange = new("paspoort.valid-for-months-out-of-range", ViolationKind.Invalid);
    /// <summary>Arguments: <c>min</c>, <c>max</c>, <c>count</c>.</summary>
    public static readonly RefusalCode MinimumCountOutOfRange = new("paspoort.minimum-count-out-of-range", ViolationKind.Invalid);
    /// <summary>Arguments: <c>function</c>, <c>code</c>.</summary>
    public static readonly RefusalCode RequirementExists = new("paspoort.requirement-exists", ViolationKind.Conflict);
    /// <summary>Arguments: <c>code</c>, <c>kind</c> (<see cref="Bilingual"/>), <c>function</c>.</summary>
    public static readonly RefusalCode CodeKindClash = new("paspoort.code-kind-clash", ViolationKind.Invalid);
    public static readonly RefusalCode CodeMissing = new("paspoort.code-missing", ViolationKind.Invalid);
    /// <summary>Arguments: <c>min</c>, <c>max</c>, <c>code</c> (shortened), <c>length</c>.</summary>
    public static readonly RefusalCode CodeLength = new("paspoort.code-length", ViolationKind.Invalid);
    /// <summary>Argument: <c>code</c> (shortened).</summary>
    public static readonly RefusalCode CodeUnusable = new("paspoort.code-unusable", ViolationKind.Invalid);
    /// <summary>Arguments: <c>function</c> (shortened), <c>functions</c> (the known ones).</summary>
    public static readonly RefusalCode FunctionUnknown = new("paspoort.function-unknown", ViolationKind.Invalid);

    // ---- Who writes ------------------------------------------------------------------------------------------
    public static readonly RefusalCode OwnRecord = new("paspoort.own-record", ViolationKind.Forbidden);
    public static readonly RefusalCode WritersOnly = new("paspoort.writers-only", ViolationKind.Forbidden);

    // ---- Overviews -------------------------------------------------------------------------------------------
    /// <summary>Argument: <c>days</c>.</summary>
    public static readonly RefusalCode HorizonNegative = new("paspoort.horizon-negative", ViolationKind.Invalid);

    /// <summary>A kind as an argument: its wire name in English, its Dutch label (lower case) in Dutch.</summary>
    public static Bilingual Word(ActivityKind kind) => new(kind.ToWire(), kind.ToDutch().ToLowerInvariant());

    /// <summary>A record status as an argument.</summary>
    public static Bilingual Word(RecordStatus status) => new(status.ToWire(), status.ToDutch().ToLowerInvariant());

    /// <summary>Every kind, as the API names them (<c>course, training, …</c>) and in Dutch.</summary>
    public static Bilingual AllKinds() => List(Enum.GetValues<ActivityKind>().Select(Word));

    /// <summary>Every result, as the API names them (<c>passed, failed, attended</c>) and in Dutch.</summary>
    public static Bilingual AllResults() =>
        List(Enum.GetValues<RecordResult>().Select(r => new Bilingual(r.ToWire(), r.ToDutch().ToLowerInvariant())));

    private static Bilingual List(IEnumerable<Bilingual> words)
    {
        var all = words.ToList();
        return new Bilingual(string.Join(", ", all.Select(w => w.English)), string.Join(", ", all.Select(w => w.Dutch)));
    }
}
