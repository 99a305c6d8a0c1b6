using Crisis.Domain.Incidents;
using Crisis.Web.Platform;

namespace Crisis.Web.Incidents;

/// <summary>What the incident log says when it refuses: English for the API and the hub, Dutch for the pages.</summary>
internal sealed class IncidentTexts : PhraseTable
{
    public IncidentTexts()
    {
        // Idempotent writes and faults of the database (LogWriter).
        Add(IncidentServiceRefusals.IdempotencyKeyInvalid,
            "The Idempotency-Key must be 1 to {max} visible ASCII characters (no spaces).",
            "De sleutel van de logregel moet 1 tot {max} zichtbare ASCII-tekens zijn (geen spaties).");
        Add(IncidentServiceRefusals.OutcomeUnknown,
            "The database's answer to storing the entry was lost: it may or may not have been stored. Retry with the same Idempotency-Key; the retry stores it at most once and answers the entry.",
            "Het antwoord van de database ging verloren: de logregel is misschien wel, misschien niet opgeslagen. Verstuur opnieuw; de regel komt er hoogstens één keer in.");

        // The rules of the log (Crisis.Domain).
        Add(IncidentRefusals.KindMissing,
            "Give the kind of entry: one of {kinds}.",
            "Geef de soort logregel: een van {kinds}.");
        Add(IncidentRefusals.KindUnknown,
            "'{kind}' is not a kind of log entry; use one of {kinds}.",
            "'{kind}' is geen soort logregel; kies een van {kinds}.");
        Add(IncidentRefusals.InjectOnRealIncident,
            "Injects belong to exercises; this is a real incident.",
            "Injects horen bij een oefening; dit is een echt incident.");
        Add(IncidentRefusals.KindWrittenByCrisis,
            "Entries of kind '{kind}' are written by Crisis itself, not by people.",
            "Logregels van de soort '{kind}' schrijft Crisis zelf; een deelnemer legt ze niet vast.");
        Add(IncidentRefusals.TextEmpty,
            "The text of an entry cannot be empty.",
            "Een logregel heeft tekst nodig.");
        Add(IncidentRefusals.TextTooLong,
            "The text is {length} characters long; an entry holds at most {max}.",
            "De tekst is {length} tekens lang; een logregel heeft er hoogstens {max}.");
        Add(IncidentRefusals.TeamUnknown,
            "'{team}' is not a team; use one of {teams}, or leave it out for the column as a whole.",
            "'{team}' is geen team; kies een van {teams}, of laat het team leeg voor de hele kolom.");
        Add(IncidentRefusals.CorrectedEntryUnknown,
            "correctsSeq {seq} does not name an entry of this incident.",
            "Regel #{seq} staat niet in het logboek van dit incident; een rectificatie hoort bij een bestaande regel.");
        Add(IncidentRefusals.CompletedEntryUnknown,
            "completesSeq {seq} does not name an entry of this incident.",
            "Regel #{seq} staat niet in het logboek van dit incident; alleen een bestaande actie kan worden afgerond.");
        Add(IncidentRefusals.CompletedEntryNotAnAction,
            "completesSeq {seq} names an entry of kind '{kind}'; only actions can be completed.",
            "Regel #{seq} is van de soort '{kind}'; alleen een actie kan worden afgerond.");
        Add(IncidentRefusals.TitleMissing,
            "An incident needs a title.",
            "Een incident heeft een titel nodig.");
        Add(IncidentRefusals.TitleTooLong,
            "The title is {length} characters long; at most {max} are allowed.",
            "De titel is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(IncidentRefusals.MunicipalityTooLong,
            "The municipality name is {length} characters long; at most {max} are allowed.",
            "De naam van de gemeente is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(IncidentRefusals.GripUnknown,
            "GRIP level {level} does not exist; use {min} (no GRIP) to {max}.",
            "GRIP {level} bestaat niet; kies {min} (geen GRIP) tot en met {max}.");
        Add(IncidentRefusals.Closed,
            "This incident is closed; its log takes no new entries and its GRIP level no longer changes.",
            "Dit incident is gesloten; het logboek neemt geen nieuwe regels meer aan en het GRIP-niveau verandert niet meer.");
        Add(IncidentRefusals.AlreadyClosed,
            "This incident is already closed.",
            "Dit incident is al gesloten.");

        // Who may do what, and what is not there (Crisis.Web).
        Add(IncidentServiceRefusals.OpenIncidentForbidden,
            "Only coordinators and officers can open an incident.",
            "Alleen coördinatoren en officieren kunnen een incident openen.");
        Add(IncidentServiceRefusals.OpenExerciseForbidden,
            "Only coordinators, officers and exercise leads can open an exercise.",
            "Alleen coördinatoren, officieren en oefenleiders kunnen een oefening openen.");
        Add(IncidentServiceRefusals.NotParticipant,
            "You do not take part in this incident.",
            "Je bent geen deelnemer aan dit incident.");
        Add(IncidentServiceRefusals.ReadOnly,
            "You may read this incident but not write in its log.",
            "Je mag dit incident lezen, maar niet in het logboek schrijven.");
        Add(IncidentServiceRefusals.GripForbidden,
            "Only coordinators and the officers taking part can change the GRIP level.",
            "Alleen coördinatoren en de officieren die deelnemen kunnen het GRIP-niveau wijzigen.");
        Add(IncidentServiceRefusals.CloseForbidden,
            "Only coordinators and the officers taking part can close an incident.",
            "Alleen coördinatoren en de officieren die deelnemen kunnen een incident sluiten.");
        Add(IncidentServiceRefusals.AddParticipantForbidden,
            "Only coordinators and the officers taking part can add participants.",
            "Alleen coördinatoren en de officieren die deelnemen kunnen deelnemers toevoegen.");
        Add(IncidentServiceRefusals.RemoveParticipantForbidden,
            "Only coordinators and the officers taking part can remove participants.",
            "Alleen coördinatoren en de officieren die deelnemen kunnen deelnemers verwijderen.");
        Add(IncidentServiceRefusals.IncidentUnknown,
            "There is no incident {id}.",
            "Incident {id} bestaat niet.");
        Add(IncidentServiceRefusals.UserUnknown,
            "There is no user with email {email}.",
            "Er is geen gebruiker met e-mailadres {email}.");
        Add(IncidentServiceRefusals.FunctionUnknown,
            "'{function}' is not a function in the catalogue.",
            "'{function}' is geen functie uit de functiecatalogus.");
        Add(IncidentServiceRefusals.EmailMissing,
            "Give the email address of the person to add.",
            "Vul het e-mailadres in van de persoon die je wilt toevoegen.");
        Add(IncidentServiceRefusals.AfterSeqNegative,
            "afterSeq cannot be negative; use 0 to read from the start.",
            "afterSeq kan niet negatief zijn; gebruik 0 om het logboek vanaf het begin te lezen.");
        Add(IncidentServiceRefusals.EntryMissing,
            "Send the entry as JSON: {\"kind\": \"info\", \"text\": \"…\"}.",
            "Stuur de logregel als JSON: {\"kind\": \"info\", \"text\": \"…\"}.");
        Add(IncidentServiceRefusals.GripLevelMissing,
            "Give the new GRIP level as {\"level\": 0..5}.",
            "Geef het nieuwe GRIP-niveau als {\"level\": 0..5}.");
        Add(IncidentServiceRefusals.SitrepFormatUnknown,
            "Unknown format '{format}'; use markdown (the default) or html.",
            "Onbekend formaat '{format}'; kies markdown (standaard) of html.");
    }
}
