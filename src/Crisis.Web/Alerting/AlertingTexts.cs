using Crisis.Domain.Alerting;
using Crisis.Web.Platform;

namespace Crisis.Web.Alerting;

/// <summary>The English (API) and Dutch (pages) texts of the alerting refusals.</summary>
internal sealed class AlertingTexts : PhraseTable
{
    public AlertingTexts()
    {
        Add(AlertingRefusals.PolicyNoSteps,
            "An escalation policy needs at least one step.",
            "Een escalatieschema heeft minstens één stap nodig.");
        Add(AlertingRefusals.PolicyTooManySteps,
            "{count} steps are too many; a policy has at most {max}.",
            "{count} stappen zijn te veel; een escalatieschema heeft er hoogstens {max}.");
        Add(AlertingRefusals.PolicyNegativeMinutes,
            "Step {step} waits {minutes} minutes; afterMinutes counts from the previous step and cannot be negative.",
            "Stap {step} wacht {minutes} minuten; de wachttijd telt vanaf de vorige stap en kan niet negatief zijn.");
        Add(AlertingRefusals.PolicyMinutesTooLarge,
            "Step {step} waits {minutes} minutes; at most {max} are allowed.",
            "Stap {step} wacht {minutes} minuten; dat mogen er hoogstens {max} zijn.");
        Add(AlertingRefusals.PolicyRepeatOutOfRange,
            "repeat {repeat} is out of range; use 0 to {max}.",
            "{repeat} keer herhalen kan niet; kies 0 tot {max} keer.");
        Add(AlertingRefusals.PolicyUnknownNotify,
            "'{notify}' is not someone a step can notify; use one of {allowed}.",
            "'{notify}' is niet iemand die een stap kan alarmeren; kies uit {allowed}.");
        Add(AlertingRefusals.NoTargets,
            "Name at least one target: a function, a team or a person.",
            "Kies minstens één doel: een functie, een team of een persoon.");
        Add(AlertingRefusals.TooManyTargets,
            "{count} targets are too many; an alert has at most {max}.",
            "{count} doelen zijn te veel; een alarmering heeft er hoogstens {max}.");
        Add(AlertingRefusals.TargetUnclear,
            "A target names exactly one of function, team or personId (and everyone only with a team).",
            "Een doel is precies één functie, één team of één persoon (en 'iedereen' alleen bij een team).");
        Add(AlertingRefusals.TargetTwice, "The target {target} is named twice.", "Het doel {target} staat er twee keer in.");
        Add(AlertingRefusals.UnknownFunction,
            "'{function}' is not a function in the catalogue.",
            "'{function}' is geen functie in de catalogus.");
        Add(AlertingRefusals.UnknownTeam, "There is no team {team}.", "Er is geen team {team}.");
        Add(AlertingRefusals.UnknownPerson, "There is no person {personId}.", "Er is geen persoon {personId}.");
        Add(AlertingRefusals.TeamWithoutHeadFunction,
            "Team {team} has no head function to alert; alert everyone in it instead.",
            "Team {team} heeft geen hoofdfunctie om te alarmeren; alarmeer dan alle teamleden.");
        Add(AlertingRefusals.RequiredOutOfRange,
            "required {required} is out of range; use 1 to {max}.",
            "{required} mensen nodig kan niet; kies 1 tot {max}.");
        Add(AlertingRefusals.MessageMissing, "The alert needs a message.", "Schrijf een bericht bij de alarmering.");
        Add(AlertingRefusals.MessageTooLong,
            "The message is {length} characters long; at most {max} are allowed.",
            "Het bericht is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(AlertingRefusals.AlertClosed,
            "The alert is {status}; it takes no more answers or changes.",
            "De alarmering is {status}; er kan niets meer op worden geantwoord of aan veranderd.");
        Add(AlertingRefusals.NotARecipient,
            "Only the people this alert reached can answer it.",
            "Alleen wie deze alarmering heeft gekregen, kan erop antwoorden.");
        Add(AlertingRefusals.ResponseNotAnAnswer,
            "'{response}' is not an answer; answer coming or declined.",
            "'{response}' is geen antwoord; antwoord met komt of kan niet.");
        Add(AlertingRefusals.EtaOutOfRange,
            "etaMinutes {etaMinutes} is out of range; use 0 to {max}.",
            "Over {etaMinutes} minuten er zijn kan niet; kies 0 tot {max} minuten.");
        Add(AlertingRefusals.NoteTooLong,
            "The note is {length} characters long; at most {max} are allowed.",
            "De toelichting is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(AlertingHostRefusals.RaiseNotAllowed,
            "Only officers, coordinators and, for exercises, exercise leads can raise alerts.",
            "Alleen officieren, coördinatoren en, bij oefeningen, oefenleiders kunnen alarmeren.");
        Add(AlertingHostRefusals.ExerciseLeadRealIncident,
            "An exercise lead raises alerts for exercises only; this is a real incident.",
            "Een oefenleider alarmeert alleen bij oefeningen; dit is een echt incident.");
        Add(AlertingHostRefusals.NotParticipant,
            "You do not take part in this incident.",
            "Je neemt geen deel aan dit incident.");
        Add(AlertingHostRefusals.IncidentUnknown, "There is no incident {incidentId}.", "Er is geen incident {incidentId}.");
        Add(AlertingHostRefusals.IncidentClosed,
            "This incident is closed; it takes no new alerts.",
            "Dit incident is gesloten; er kan niet meer voor worden gealarmeerd.");
        Add(AlertingHostRefusals.AlertUnknown, "There is no alert {alertId}.", "Er is geen alarmering {alertId}.");
        Add(AlertingHostRefusals.NoAccess,
            "You may not see this alert: you did not raise or receive it and do not take part in its incident.",
            "Je mag deze alarmering niet zien: je hebt hem niet verstuurd of gekregen en neemt geen deel aan het incident.");
        Add(AlertingHostRefusals.CloseNotAllowed,
            "Only whoever raised the alert, coordinators and the officers taking part can cancel or resolve it.",
            "Alleen wie de alarmering verstuurde, coördinatoren en de deelnemende officieren kunnen hem annuleren of afhandelen.");
        Add(AlertingHostRefusals.CoordinatorsOnly,
            "Only coordinators can do this.",
            "Alleen coördinatoren kunnen dit doen.");
        Add(AlertingHostRefusals.FunctionUnknown,
            "'{function}' is not a function in the catalogue.",
            "'{function}' is geen functie in de catalogus.");
        Add(AlertingHostRefusals.PersonUnknown, "There is no person {personId}.", "Er is geen persoon {personId}.");
        Add(AlertingHostRefusals.ContactNotAllowed,
            "Only the person themselves and coordinators can see or change these contact details.",
            "Alleen de persoon zelf en coördinatoren kunnen deze contactgegevens zien of wijzigen.");
        Add(AlertingHostRefusals.EmailInvalid,
            "'{email}' is not an e-mail address.",
            "'{email}' is geen e-mailadres.");
        Add(AlertingHostRefusals.PhoneInvalid,
            "'{phone}' is not a phone number: use digits, spaces, dashes and an optional leading +, at most {max} characters.",
            "'{phone}' is geen telefoonnummer: gebruik cijfers, spaties, streepjes en eventueel een + vooraan, hoogstens {max} tekens.");
        Add(AlertingHostRefusals.BodyMissing,
            "Send the request as JSON in the body.",
            "Stuur de gegevens mee; er kwam niets aan.");
        Add(AlertingHostRefusals.StepMinutesMissing,
            "Step {step} needs afterMinutes (0 for at once).",
            "Stap {step} heeft een wachttijd nodig (0 voor meteen).");
        Add(AlertingHostRefusals.Busy,
            "The alert was changed at the same moment; try again.",
            "De alarmering werd op hetzelfde moment gewijzigd; probeer het opnieuw.");

        // ---- Proefalarm to a pool, and bereikbaarheid ----
        Add(AlertingHostRefusals.TestTargetUnclear,
            "Name exactly one of personId or function (a proefalarm to everyone holding it).",
            "Kies precies één: een persoon of een functie (een proefalarm aan de hele piketpool).");
        Add(AlertingHostRefusals.TestPoolEmpty,
            "Nobody holds the function {function}; there is nobody to send a proefalarm to.",
            "Niemand heeft de functie {function}; er is niemand om een proefalarm naar te sturen.");

        // The alert channels: Web Push subscriptions.
        Add(AlertingHostRefusals.PushNotAllowed,
            "Only the person themselves and coordinators can turn notifications on or off for this person.",
            "Alleen de persoon zelf en coördinatoren kunnen meldingen voor deze persoon aan- of uitzetten.");
        Add(AlertingHostRefusals.PushEndpointInvalid,
            "endpoint '{endpoint}' is not a push endpoint: it must be an https URL of at most {max} characters.",
            "'{endpoint}' is geen adres voor meldingen: het moet een https-adres zijn van hoogstens {max} tekens.");
        Add(AlertingHostRefusals.PushKeyInvalid,
            "keys.{key} is not a valid key of a browser's push subscription (base64url: p256dh a P-256 public key, auth 16 bytes).",
            "De sleutel {key} van de meldingen van deze browser klopt niet; zet de meldingen opnieuw aan.");
        Add(AlertingHostRefusals.PushSubscriptionUnknown,
            "This person has no push subscription with that endpoint.",
            "Deze persoon krijgt op dat apparaat geen meldingen.");
    }
}
