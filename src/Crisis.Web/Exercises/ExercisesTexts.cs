using Crisis.Domain.Exercises;
using Crisis.Web.Platform;
using static Crisis.Domain.Exercises.ScenarioProblems;
using static Crisis.Web.Exercises.ExercisesHostRefusals;

namespace Crisis.Web.Exercises;

/// <summary>The English (API) and Dutch (pages) texts of the exercises: refusals and the problems of scenario files.</summary>
internal sealed class ExercisesTexts : PhraseTable
{
    public ExercisesTexts()
    {
        Add(ExercisesRefusals.AlreadyStarted, "The exercise has started already (it is {state}).", "De oefening is al gestart (status: {state}).");
        Add(ExercisesRefusals.NotRunning, "The exercise is not running.", "De oefening loopt niet.");
        Add(ExercisesRefusals.NotPaused, "The exercise is not paused.", "De oefening is niet gepauzeerd.");
        Add(ExercisesRefusals.NotStarted, "The exercise has not started yet.", "De oefening is nog niet gestart.");
        Add(ExercisesRefusals.Ended, "The exercise has ended.", "De oefening is beëindigd.");
        Add(ExercisesRefusals.SpeedOutOfRange, "Speed {speed} is not possible; use a speed above 0 and at most {max}.",
            "Snelheid {speed} kan niet; kies een snelheid boven 0 en hoogstens {max}.");
        Add(ExercisesRefusals.AdvanceOutOfRange, "Advancing {minutes} minutes is not possible; use 1 to {max} minutes.",
            "{minutes} minuten vooruitzetten kan niet; kies 1 tot {max} minuten.");
        Add(ExercisesRefusals.InjectUnknown, "The exercise has no inject {injectId}.", "De oefening heeft geen inject {injectId}.");
        Add(ExercisesRefusals.InjectNotPending, "Inject {injectId} is no longer pending (it is {status}).",
            "Inject {injectId} komt niet meer (status: {status}).");
        Add(ExercisesRefusals.ActionUnknown, "The exercise has no expected action {actionId}.", "De oefening heeft geen verwachte actie {actionId}.");
        Add(ExercisesRefusals.ActionAlreadyMet, "Expected action {actionId} was met already, by log entry {seq}.",
            "Verwachte actie {actionId} is al uitgevoerd, met logregel {seq}.");
        Add(ExercisesRefusals.ActionNotAsked, "Expected action {actionId} has not been asked for yet: its inject has not been delivered.",
            "Verwachte actie {actionId} is nog niet gevraagd: de inject is nog niet gegeven.");

        Add(YamlInvalid, "The file is not valid YAML here.", "Het bestand is hier geen geldige YAML.");
        Add(FieldMissing, "{field} is required.", "{field} is verplicht.");
        Add(FieldUnknown, "'{field}' is not part of the scenario format; use one of {allowed}.",
            "'{field}' hoort niet bij het scenarioformaat; gebruik een van {allowed}.");
        Add(WrongShape, "Expected {expected} here.", "Hier hoort {expected}.");
        Add(SchemaUnknown, "Schema '{schema}' is not known; use {expected}.", "Schema '{schema}' is onbekend; gebruik {expected}.");
        Add(ValueUnknown, "'{value}' is not allowed here; use one of {allowed}.", "'{value}' mag hier niet; kies uit {allowed}.");
        Add(TimeInvalid, "'{value}' is not a time after the start; write hh:mm, e.g. 00:10.",
            "'{value}' is geen tijd na de start; schrijf uu:mm, bijvoorbeeld 00:10.");
        Add(DateTimeInvalid, "'{value}' is not a local date and time; write e.g. 2026-11-17T08:15:00.",
            "'{value}' is geen datum en tijd; schrijf bijvoorbeeld 2026-11-17T08:15:00.");
        Add(NumberOutOfRange, "{value} is out of range; use {min} to {max}.", "{value} kan niet; kies {min} tot {max}.");
        Add(ScenarioProblems.TextTooLong, "The text is {length} characters long; at most {max} are allowed.",
            "De tekst is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(IdInvalid, "'{id}' is not a usable id; use letters, digits, - and _ (at most 16).",
            "'{id}' is geen bruikbare id; gebruik letters, cijfers, - en _ (hoogstens 16).");
        Add(IdDuplicate, "The id {id} is used twice.", "De id {id} komt twee keer voor.");
        Add(ReferenceUnknown, "Nothing in the file has the id {id}.", "Niets in het bestand heeft de id {id}.");
        Add(ContingencyNotContingencyOnly, "Inject {id} has its own time; a contingency must name an inject with contingencyOnly: true.",
            "Inject {id} heeft een eigen tijd; een terugvalinject moet contingencyOnly: true hebben.");
        Add(ScenarioProblems.AddressInvalid, "to must name exactly one function or one team.", "to moet precies één functie of één team noemen.");
        Add(ScenarioProblems.TeamUnknown, "'{team}' is not a task team; use one of {teams}.", "'{team}' is geen taakteam; kies uit {teams}.");
        Add(NoInjects, "A scenario needs at least one inject.", "Een scenario heeft minstens één inject nodig.");
        Add(AtAfterEnd, "at {at} lies after the end of the exercise ({duration} minutes).",
            "at {at} ligt na het einde van de oefening ({duration} minuten).");
        Add(AtOnContingencyOnly, "A contingencyOnly inject has no at: it is delivered only when an expected action is missed.",
            "Een inject met contingencyOnly heeft geen at: die komt alleen als een verwachte actie wordt gemist.");

        Add(ScenarioMissing, "Name the scenario to play.", "Kies het scenario dat je wilt spelen.");
        Add(ScenarioUnknown, "There is no scenario '{scenario}'.", "Er is geen scenario '{scenario}'.");
        Add(ScenarioInvalid, "Scenario '{scenario}' has {count} problems and cannot be played; see GET /api/exercises/scenarios.",
            "Scenario '{scenario}' heeft {count} fouten en kan niet worden gespeeld.");
        Add(ExerciseUnknown, "There is no exercise {id}.", "Er is geen oefening {id}.");
        Add(CreateForbidden, "Only exercise leads, officers and coordinators may set up an exercise.",
            "Alleen oefenleiders, officieren en coördinatoren kunnen een oefening klaarzetten.");
        Add(NotParticipant, "You do not take part in this exercise.", "Je doet niet mee aan deze oefening.");
        Add(ControlOnly, "Only the control staff of the exercise may do this.", "Alleen de oefenstaf van deze oefening mag dit.");
        Add(RealIncidentForbidden, "Only coordinators, officers and exercise leads may stop exercises for a real incident.",
            "Alleen coördinatoren, officieren en oefenleiders kunnen de oefeningen stilleggen voor een echt incident.");
        Add(ParticipantEmailMissing, "Each participant needs an email.", "Elke deelnemer heeft een e-mailadres nodig.");
        Add(ParticipantUnknown, "No user has the email {email}.", "Er is geen gebruiker met e-mailadres {email}.");
        Add(FunctionUnknown, "'{function}' is not a function of the region.", "'{function}' is geen functie van de regio.");
        Add(BodyMissing, "The request needs a JSON body.", "Het verzoek mist zijn inhoud.");
        Add(SpeedMissing, "speed is required.", "Geef een snelheid op.");
        Add(MinutesMissing, "minutes is required.", "Geef het aantal minuten op.");
        Add(TextMissing, "text is required.", "Vul een tekst in.");
        Add(ExercisesHostRefusals.TextTooLong, "The text is {length} characters long; at most {max} are allowed.",
            "De tekst is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(ExercisesHostRefusals.AddressInvalid, "to must name exactly one function or one team, e.g. {\"function\": \"OVD-BZ\"}.",
            "Kies precies één functie of één team als ontvanger.");
        Add(ExercisesHostRefusals.TeamUnknown, "'{team}' is not a task team; use one of {teams}.", "'{team}' is geen taakteam; kies uit {teams}.");
        Add(KindUnknown, "'{kind}' is not an inject kind; use one of {allowed}.", "'{kind}' is geen soort inject; kies uit {allowed}.");
        Add(SeqMissing, "seq is required: the log entry that meets the action.", "Kies de logregel waarmee de actie is uitgevoerd.");
        Add(SeqUnknown, "The exercise's log has no entry {seq}.", "Het logboek van de oefening heeft geen regel {seq}.");
        Add(ObjectiveUnknown, "The scenario has no objective {objective}.", "Het scenario heeft geen doel {objective}.");
        Add(RatingUnknown, "'{rating}' is not a rating; use one of {allowed}.", "'{rating}' is geen beoordeling; kies uit {allowed}.");
        Add(FormatUnknown, "Format '{format}' is not known; use markdown or html.", "Formaat '{format}' is onbekend; kies markdown of html.");
    }
}
