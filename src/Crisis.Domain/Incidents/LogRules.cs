namespace Crisis.Domain.Incidents;

/// <summary>The rules a new log entry must satisfy before it gets a sequence number.</summary>
public static class LogRules
{
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 200;
    public const int MaxMunicipalityLength = 100;

    /// <summary>The kind a wire name names (any case, surrounding white space ignored); refused with the kinds listed.</summary>
    public static LogEntryKind ParseKind(string? wire)
    {
        if (TextRules.IsBlank(wire))
        {
            throw IncidentRefusals.KindMissing.RaiseFor("kind", ("kinds", LogEntryKinds.WireNames));
        }
        if (!LogEntryKinds.TryParse(wire, out var kind))
        {
            throw IncidentRefusals.KindUnknown.RaiseFor("kind", ("kind", Texts.Shorten(wire)), ("kinds", LogEntryKinds.WireNames));
        }
        return kind;
    }

    /// <summary>
    /// Checks a request to write an entry and returns the draft to store. <paramref name="kindOfEntry"/> gives the
    /// kind of the entry that a sequence number names in this incident, or null when no entry has that number;
    /// <paramref name="teams"/> are the task teams an entry may be filed under (stored by their code).
    /// </summary>
    public static LogEntryDraft Validate(
        AppendEntry request, bool exercise, bool systemWriter, Func<int, LogEntryKind?> kindOfEntry, LogTeams teams)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(teams);
        var kind = request.Kind;
        if (kind == LogEntryKind.Inject && !exercise)
        {
            throw IncidentRefusals.InjectOnRealIncident.RaiseFor("kind");
        }
        if (kind is LogEntryKind.Inject or LogEntryKind.System && !systemWriter)
        {
            throw IncidentRefusals.KindWrittenByCrisis.RaiseFor("kind", ("kind", Label(kind)));
        }

        var trimmed = ValidateText(request.Text);

        string? normalizedTeam = null;
        if (!TextRules.IsBlank(request.Team))
        {
            normalizedTeam = teams.Normalize(request.Team) ?? throw IncidentRefusals.TeamUnknown.RaiseFor("team",
                ("team", Texts.Shorten(request.Team)), ("teams", teams.Codes));
        }

        if (request.CorrectsSeq is { } c && kindOfEntry(c) is null)
        {
            throw IncidentRefusals.CorrectedEntryUnknown.RaiseFor("correctsSeq", ("seq", c));
        }
        if (request.CompletesSeq is { } d)
        {
            var target = kindOfEntry(d) ?? throw IncidentRefusals.CompletedEntryUnknown.RaiseFor("completesSeq", ("seq", d));
            if (target != LogEntryKind.Action)
            {
                throw IncidentRefusals.CompletedEntryNotAnAction.RaiseFor("completesSeq", ("seq", d), ("kind", Label(target)));
            }
        }
        return new LogEntryDraft(kind, trimmed, normalizedTeam, request.CorrectsSeq, request.CompletesSeq);
    }

    /// <summary>Entry text: 1 to 4000 characters once surrounding white space is removed, something visible, no control characters but line breaks and tabs.</summary>
    public static string ValidateText(string? text)
    {
        var trimmed = TextRules.Required(text, "text", IncidentRefusals.TextEmpty.RaiseFor("text"), multiline: true);
        if (trimmed.Length > MaxTextLength)
        {
            throw IncidentRefusals.TextTooLong.RaiseFor("text", ("length", trimmed.Length), ("max", MaxTextLength));
        }
        return trimmed;
    }

    public static string ValidateTitle(string? title)
    {
        var trimmed = TextRules.Required(title, "title", IncidentRefusals.TitleMissing.RaiseFor("title"));
        if (trimmed.Length > MaxTitleLength)
        {
            throw IncidentRefusals.TitleTooLong.RaiseFor("title", ("length", trimmed.Length), ("max", MaxTitleLength));
        }
        return trimmed;
    }

    public static string? ValidateMunicipality(string? municipality)
    {
        var trimmed = TextRules.Optional(municipality, "municipality");
        if (trimmed is null)
        {
            return null;
        }
        if (trimmed.Length > MaxMunicipalityLength)
        {
            throw IncidentRefusals.MunicipalityTooLong.RaiseFor("municipality", ("length", trimmed.Length), ("max", MaxMunicipalityLength));
        }
        return trimmed;
    }

    /// <summary>A GRIP level from 0 (no GRIP) to 5; <paramref name="field"/> names the input it came from.</summary>
    public static int ValidateGrip(int level, string field = "grip")
    {
        if (!GripLevel.IsValid(level))
        {
            throw IncidentRefusals.GripUnknown.RaiseFor(field, ("level", level), ("min", GripLevel.Min), ("max", GripLevel.Max));
        }
        return level;
    }

    private static Bilingual Label(LogEntryKind kind) => new(kind.ToWire(), kind.ToDutch());
}
