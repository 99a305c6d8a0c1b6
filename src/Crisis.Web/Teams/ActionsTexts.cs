using Crisis.Domain.Teams;
using Crisis.Web.Platform;

namespace Crisis.Web.Teams;

/// <summary>The English (API) and Dutch (pages) texts of the action-list and meeting refusals.</summary>
internal sealed class ActionsTexts : PhraseTable
{
    public ActionsTexts()
    {
        Add(ActionRefusals.NotAWorkingGroup,
            "{team} is a task team; action lists and meetings belong to working groups (such as WG-PIM).",
            "{team} is een taakteam; actielijsten en overleggen horen bij werkgroepen (zoals WG-PIM).");
        Add(ActionRefusals.TitleMissing, "Give the action a title.", "Geef de actie een omschrijving.");
        Add(ActionRefusals.TitleTooLong,
            "The title is {length} characters long; at most {max} are allowed.",
            "De omschrijving is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(ActionRefusals.OwnerMissing, "Name who owns the action (ownerPersonId).", "Kies wie de actie oppakt (de actiehouder).");
        Add(ActionRefusals.OwnerNotMember,
            "Person {personId} is not a member of {team}; the owner of an action is one of the group.",
            "Persoon {personId} is geen lid van {team}; de actiehouder moet lid van de werkgroep zijn.");
        Add(ActionRefusals.DueOutOfRange,
            "The due date {due} lies outside {earliest} to {latest}.",
            "De streefdatum {due} ligt niet tussen {earliest} en {latest}.");
        Add(ActionRefusals.ActivityInvalid,
            "'{activity}' is not a year-plan activity code: use at most {max} letters and digits, e.g. D5.",
            "'{activity}' is geen activiteitcode uit het jaarplan: gebruik hoogstens {max} letters en cijfers, bijvoorbeeld D5.");
        Add(ActionRefusals.SourceKindUnknown,
            "'{kind}' is not a kind of source; use one of {kinds}.",
            "'{kind}' is geen soort herkomst; kies uit {kinds}.");
        Add(ActionRefusals.SourceLabelTooLong,
            "The source's label is {length} characters long; at most {max} are allowed.",
            "De omschrijving van de herkomst is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(ActionRefusals.StatusUnknown,
            "'{status}' is not an action status; use one of {statuses}.",
            "'{status}' is geen status van een actie; kies uit {statuses}.");
        Add(ActionRefusals.StatusUnchanged, "The action is already {to}.", "De actie staat al op {to}.");
        Add(ActionRefusals.StatusNotAllowed,
            "An action that is {from} cannot become {to}; reopen it first.",
            "Een actie die {from} is kan niet naar {to}; heropen haar eerst.");
        Add(ActionRefusals.NoteTooLong,
            "The note is {length} characters long; at most {max} are allowed.",
            "De toelichting is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(MeetingRefusals.DateOutOfRange,
            "The meeting date {date} lies outside {earliest} to {latest}.",
            "De datum van het overleg, {date}, ligt niet tussen {earliest} en {latest}.");
        Add(MeetingRefusals.TooManyAttendees,
            "{count} attendees are too many; at most {max}.",
            "{count} aanwezigen zijn te veel; hoogstens {max}.");
        Add(MeetingRefusals.AttendeeTwice,
            "Person {personId} is named twice among the attendees.",
            "Persoon {personId} staat twee keer bij de aanwezigen.");
        Add(MeetingRefusals.AttendeeUnknown, "There is no person {personId}.", "Er is geen persoon {personId}.");
        Add(MeetingRefusals.NotesTooLong,
            "The notes are {length} characters long; at most {max} are allowed.",
            "De aantekeningen zijn {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(ActionHostRefusals.GroupMembersOnly,
            "Only the members of {team} and coordinators can see or change its action list and meetings.",
            "Alleen de leden van {team} en coördinatoren kunnen de actielijst en overleggen ervan zien of wijzigen.");
        Add(ActionHostRefusals.ActionUnknown, "{team} has no action {id}.", "{team} heeft geen actie {id}.");
        Add(ActionHostRefusals.SourceUnknown, "There is no {kind} {id} to link the action to.", "Er is geen {kind} {id} om de actie aan te koppelen.");
        Add(ActionHostRefusals.SourceNotExercise,
            "Incident {id} is not an exercise; an exercise finding comes from an exercise.",
            "Incident {id} is geen oefening; een bevinding uit een oefening hoort bij een oefening.");
        Add(ActionHostRefusals.BodyMissing, "Send the request as JSON in the body.", "Er kwam niets aan; vul het formulier in.");
        Add(ActionHostRefusals.Changed,
            "The action '{title}' was changed by someone else at the same moment; reload and try again.",
            "De actie '{title}' werd tegelijk door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.");
        Add(ActionHostRefusals.FormatUnknown,
            "'{format}' is not a format; use json, markdown or html.",
            "'{format}' is geen formaat; kies json, markdown of html.");
    }
}
