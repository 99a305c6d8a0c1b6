using Crisis.Web.Platform;
using R = Crisis.Domain.Paspoort.PaspoortRuleRefusals;
using W = Crisis.Web.Paspoort.PaspoortRefusals;

namespace Crisis.Web.Paspoort;

/// <summary>The Veiligheidspaspoort's sentences: English for the API (as the contract pins them), Dutch for the pages.</summary>
internal sealed class PaspoortTexts : PhraseTable
{
    public PaspoortTexts()
    {
        // ---- Records (domain) ----
        Add(R.PersonMissing, "Say whose record this is (personId).", "Zeg voor wie deze registratie is.");
        Add(R.ActivityMissing, "Name the activity, such as \"LCMS-training voorjaar\".",
            "Geef de activiteit een naam, zoals \"LCMS-training voorjaar\".");
        Add(R.ActivityTooLong, "The activity is {length} characters long; at most {max} are allowed.",
            "De naam van de activiteit is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(R.NotesTooLong, "The notes are {length} characters long; at most {max} are allowed.",
            "De notities zijn {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(R.DateMissing, "Give the date of the activity.", "Geef de datum van de activiteit.");
        Add(R.DateInFuture, "{date} is in the future; record an activity once it has taken place (today is {today}).",
            "{date} ligt in de toekomst; registreer een activiteit pas als die heeft plaatsgevonden (vandaag is het {today}).");
        Add(R.DateTooEarly, "{date} is before {earliest}; check the year.", "{date} ligt voor {earliest}; controleer het jaar.");
        Add(R.RequirementUnknown, "There is no requirement {code}.", "De eis {code} bestaat niet.");
        Add(R.RequirementOfOtherFunction, "{code} is not a requirement of {function}; it belongs to {functions}.",
            "{code} is geen eis van {function}; de eis hoort bij {functions}.");
        Add(R.KindCannotMeet, "{code} asks for a {required}; a {kind} cannot meet it.",
            "{code} vraagt om een {required}; een {kind} voldoet daar niet aan.");
        Add(R.OnlyDraftsConfirmed, "Only drafts are confirmed; this record is {status}.",
            "Alleen concepten worden bevestigd; deze registratie is {status}.");
        Add(R.ConfirmNeedsResult, "Confirming says how it went: give a result, one of {results}.",
            "Bij bevestigen hoort hoe het ging: kies een resultaat, een van {results}.");
        Add(R.WithdrawNeedsReason, "Say why the record is withdrawn.", "Zeg waarom je de registratie intrekt.");
        Add(R.RecordNotOfPerson, "voidsRecordId {recordId} does not name a record of this person.",
            "Registratie {recordId} is geen registratie van deze persoon.");
        Add(R.WithdrawalNotVoidable, "A withdrawal cannot itself be voided; record the activity again instead.",
            "Een intrekking kun je niet zelf weer intrekken of corrigeren; registreer de activiteit opnieuw.");
        Add(R.RecordAlreadyVoided, "Record {recordId} was already voided by record {by}; correct that one instead.",
            "Registratie {recordId} is al vervangen of ingetrokken door registratie {by}; corrigeer die.");

        // ---- Kinds and results (domain) ----
        Add(R.KindMissing, "Give the kind of activity: one of {kinds}.", "Kies de soort activiteit: een van {kinds}.");
        Add(R.KindUnknown, "'{kind}' is not a kind of activity; use one of {kinds}.",
            "'{kind}' is geen soort activiteit; kies een van {kinds}.");
        Add(R.ResultUnknown, "'{result}' is not a result; use one of {results}, or leave it out.",
            "'{result}' is geen resultaat; kies een van {results}, of laat het leeg.");

        // ---- Requirements (domain) ----
        Add(R.RequirementFunctionMissing, "Give the function this requirement belongs to.", "Kies de functie waar deze eis bij hoort.");
        Add(R.RequirementNameMissing, "A requirement needs a name people recognise.", "Een eis heeft een naam nodig die mensen herkennen.");
        Add(R.RequirementNameTooLong, "The name is {length} characters long; at most {max} are allowed.",
            "De naam is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(R.ValidForMonthsOutOfRange,
            "validForMonths must be {min} to {max} months, or left out when once is enough; {months} is not.",
            "De geldigheid is {min} tot {max} maanden, of leeg als één keer genoeg is; {months} kan niet.");
        Add(R.MinimumCountOutOfRange, "minimumCount must be {min} to {max}; {count} is not.",
            "Het minimale aantal is {min} tot {max}; {count} kan niet.");
        Add(R.RequirementExists, "{function} already has a requirement {code}.", "{function} heeft al een eis {code}.");
        Add(R.CodeKindClash,
            "{code} is a {kind} requirement for {function}; the same code must be the same kind of activity everywhere. Use another code.",
            "{code} is bij {function} een eis voor een {kind}; dezelfde code is overal dezelfde soort activiteit. Kies een andere code.");
        Add(R.CodeMissing, "Give the requirement a code, such as OVD-BASIS.", "Geef de eis een code, zoals OVD-BASIS.");
        Add(R.CodeLength, "A requirement code is {min} to {max} characters long; '{code}' has {length}.",
            "Een code van een eis is {min} tot {max} tekens lang; '{code}' heeft er {length}.");
        Add(R.CodeUnusable,
            "'{code}' is not a usable code: use letters A-Z, digits and single dashes between them, such as LCMS-TRAINING.",
            "'{code}' is geen bruikbare code: gebruik letters A-Z, cijfers en losse streepjes ertussen, zoals LCMS-TRAINING.");
        Add(R.FunctionUnknown, "'{function}' is not a function; use one of {functions}.",
            "'{function}' is geen functie; kies een van {functions}.");

        // ---- Who writes (domain) ----
        Add(R.OwnRecord, "Nobody writes their own paspoort records; ask another coordinator or exercise lead.",
            "Niemand registreert in zijn eigen paspoort; vraag een andere coördinator of oefenleider.");
        Add(R.WritersOnly, "Only coordinators and exercise leads write paspoort records.",
            "Alleen coördinatoren en oefenleiders registreren in een paspoort.");

        // ---- Overviews (domain) ----
        Add(R.HorizonNegative, "The horizon cannot be negative; {days} days is.", "De periode kan niet negatief zijn; {days} dagen is dat wel.");

        // ---- Who may (services) ----
        Add(W.ReadOwnOnly, "You may read only your own paspoort; coordinators and exercise leads read everyone's.",
            "Je mag alleen je eigen paspoort inzien; coördinatoren en oefenleiders zien dat van iedereen.");
        Add(W.CoordinatorsOnly, "Only coordinators set the requirements of functions.",
            "Alleen coördinatoren stellen de eisen van functies vast.");
        Add(W.PlannersOnly,
            "Only coordinators and exercise leads see everyone's paspoort; you can open your own under Mijn paspoort.",
            "Dit is alleen voor coördinatoren en oefenleiders. Je eigen paspoort staat onder Mijn paspoort.");
        Add(W.NotAnOfficial,
            "Your account ({email}) is not registered as an official of the region, so there is no paspoort for it.",
            "Je account ({email}) staat niet als functionaris van de regio geregistreerd, dus er is geen paspoort voor. Vraag een coördinator je toe te voegen.");

        // ---- What exists (services) ----
        Add(W.NoSuchFunction, "'{function}' is not a function.", "'{function}' is geen functie.");
        Add(W.FunctionMissing, "Choose a function, such as OVD-BZ.", "Kies een functie, zoals OVD-BZ.");
        Add(W.RequirementNotFound, "{function} has no requirement {code}.", "{function} heeft geen eis {code}.");
        Add(W.RecordUnknown, "There is no paspoort record {recordId}.", "Registratie {recordId} bestaat niet.");
        Add(W.PersonNotFound, "There is no person {personId}.", "Persoon {personId} bestaat niet.");
        Add(W.PersonUnknown, "There is no person {people}.", "Persoon {people} bestaat niet.");
        Add(W.IncidentUnknown, "There is no incident {incidentId}.", "Incident {incidentId} bestaat niet.");
        Add(W.IncidentOpen, "Close the incident first; its drafts are made when it is over.",
            "Sluit eerst het incident; de concepten ontstaan als het voorbij is.");
        Add(W.ExerciseOpen, "Close the exercise first; its drafts are made when it is over.",
            "Sluit eerst de oefening; de concepten ontstaan als die voorbij is.");

        // ---- Requirements (services) ----
        Add(W.RequirementKindFixed,
            "{code} is a {kind} requirement and stays one: records already name it. Remove it and add one with another code instead.",
            "{code} is een eis voor een {kind} en blijft dat: registraties noemen hem al. Verwijder de eis en voeg er een toe met een andere code.");
        Add(W.RequirementChangedMeanwhile, "The requirement was changed by someone else at the same moment; reload and try again.",
            "Iemand anders wijzigde de eis op hetzelfde moment; laad opnieuw en probeer het nog eens.");

        // ---- Records and attendance (services) ----
        Add(W.RecordVoidedMeanwhile,
            "Record {recordId} was corrected or withdrawn by someone else at the same moment; reload the dossier.",
            "Iemand anders corrigeerde of trok registratie {recordId} op hetzelfde moment in; laad het dossier opnieuw.");
        Add(W.DraftConfirmedMeanwhile,
            "Record {recordId} was confirmed or withdrawn by someone else at the same moment; reload the dossier.",
            "Iemand anders bevestigde of trok registratie {recordId} op hetzelfde moment in; laad het dossier opnieuw.");
        Add(W.RecordClash, "The record could not be stored because something changed at the same moment; try again.",
            "De registratie is niet opgeslagen omdat er op hetzelfde moment iets veranderde; probeer het opnieuw.");
        Add(W.AttendanceClash, "The attendance list could not be stored because something changed at the same moment; try again.",
            "De aanwezigheidslijst is niet opgeslagen omdat er op hetzelfde moment iets veranderde; probeer het opnieuw.");
        Add(W.AttendanceEmpty, "Choose at least one person who took part.", "Kies minstens één persoon die meedeed.");
        Add(W.AttendanceTooLarge, "One attendance list holds at most {max} people; this one has {count}. Split it up.",
            "Eén aanwezigheidslijst heeft hoogstens {max} personen; deze heeft er {count}. Verdeel hem.");
        Add(W.AttendeeWithoutPerson, "Every entry in people needs a personId.", "Elke deelnemer op de lijst moet een persoon zijn.");
        Add(W.AttendeeTwice, "Person {personId} is listed twice.", "Persoon {personId} staat twee keer op de lijst.");
        Add(W.AttendeeRefused, "{name}: {reason}", "{name}: {reason}");

        // ---- Overviews and the wire ----
        Add(W.HorizonOutOfRange, "days must be 0 to {max}; {days} is not.", "De periode is 0 tot {max} dagen; {days} kan niet.");
        Add(W.PeriodReversed, "from ({from}) is after to ({to}).", "De begindatum ({from}) ligt na de einddatum ({to}).");
        Add(W.DateUnreadable, "{field} must be a date such as 2026-03-23; '{value}' is not.",
            "'{value}' is geen datum ({field}); gebruik bijvoorbeeld 23-03-2026.");
        Add(W.ExportFormatUnknown, "Unknown format '{format}'; use html (the default) or csv.",
            "Onbekend formaat '{format}'; kies html (standaard) of csv.");
    }
}
