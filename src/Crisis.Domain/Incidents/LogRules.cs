namespace Crisis.Domain.Incidents;

/// <summary>The rules a new log entry must satisfy before it gets a sequence number.</summary>
public static class LogRules
{
    public const int MaxTextLength = 4000;
    public const int MaxTitleLength = 200;
    public const int MaxMunicipalityLength = 100;

    /// <summary>
    /// Checks a request to write an entry and returns the draft to store.
    /// <paramref name="entryExists"/> answers whether a sequence number names an entry of this incident.
    /// </summary>
    public static LogEntryDraft Validate(
        string? kind, string? text, string? team, int? correctsSeq, int? completesSeq,
        bool exercise, bool systemWriter, Func<int, LogEntryKind?> kindOfEntry)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"Give the kind of entry: one of {string.Join(", ", LogEntryKinds.WireNames)}.", "kind");
        }
        if (!LogEntryKinds.TryParse(kind, out var parsed))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"'{Texts.Shorten(kind)}' is not a kind of log entry; use one of {string.Join(", ", LogEntryKinds.WireNames)}.", "kind");
        }
        if (parsed == LogEntryKind.Inject && !exercise)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "Injects belong to exercises; this is a real incident.", "kind");
        }
        if (parsed is LogEntryKind.Inject or LogEntryKind.System && !systemWriter)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"Entries of kind '{parsed.ToWire()}' are written by Crisis itself, not by people.", "kind");
        }

        var trimmed = ValidateText(text);

        string? normalizedTeam = null;
        if (!string.IsNullOrWhiteSpace(team))
        {
            normalizedTeam = Teams.Normalize(team) ?? throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"'{Texts.Shorten(team)}' is not a team; use one of {string.Join(", ", Teams.All)}, or leave it out for the column as a whole.", "team");
        }

        if (correctsSeq is { } c && kindOfEntry(c) is null)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"correctsSeq {c} does not name an entry of this incident.", "correctsSeq");
        }
        if (completesSeq is { } d)
        {
            var target = kindOfEntry(d) ?? throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"completesSeq {d} does not name an entry of this incident.", "completesSeq");
            if (target != LogEntryKind.Action)
            {
                throw LegacyRefusals.Of(ViolationKind.Invalid, 
                    $"completesSeq {d} names an entry of kind '{target.ToWire()}'; only actions can be completed.", "completesSeq");
            }
        }
        return new LogEntryDraft(parsed, trimmed, normalizedTeam, correctsSeq, completesSeq);
    }

    /// <summary>Entry text: 1 to 4000 characters once surrounding white space is removed.</summary>
    public static string ValidateText(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "The text of an entry cannot be empty.", "text");
        }
        if (trimmed.Length > MaxTextLength)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"The text is {trimmed.Length} characters long; an entry holds at most {MaxTextLength}.", "text");
        }
        return trimmed;
    }

    public static string ValidateTitle(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, "An incident needs a title.", "title");
        }
        if (trimmed.Length > MaxTitleLength)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"The title is {trimmed.Length} characters long; at most {MaxTitleLength} are allowed.", "title");
        }
        return trimmed;
    }

    public static string? ValidateMunicipality(string? municipality)
    {
        var trimmed = municipality?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (trimmed.Length > MaxMunicipalityLength)
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"The municipality name is {trimmed.Length} characters long; at most {MaxMunicipalityLength} are allowed.", "municipality");
        }
        return trimmed;
    }

    public static int ValidateGrip(int? level)
    {
        var value = level ?? 0;
        if (!GripLevel.IsValid(value))
        {
            throw LegacyRefusals.Of(ViolationKind.Invalid, 
                $"GRIP level {value} does not exist; use {GripLevel.Min} (no GRIP) to {GripLevel.Max}.", "grip");
        }
        return value;
    }

}
