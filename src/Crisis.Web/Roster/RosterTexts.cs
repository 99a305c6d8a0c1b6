using Crisis.Domain.Roster;
using Crisis.Web.Platform;
using R = Crisis.Domain.Roster.RosterRefusals;
using S = Crisis.Web.Roster.RosterServiceRefusals;
using W = Crisis.Web.Roster.RosterWireRefusals;

namespace Crisis.Web.Roster;

/// <summary>Everything the piketrooster says, in English (the API) and Dutch (the pages).</summary>
internal sealed class RosterTexts : PhraseTable
{
    public RosterTexts()
    {
        // The rules of the roster (Crisis.Domain.Roster).
        Add(R.ShiftEndsBeforeStart, "A shift must end after it starts; it starts {start} and ends {end}.",
            "Een dienst moet eindigen na het begin; hij begint {start} en eindigt {end}.");
        Add(R.ShiftEndsBeforeStartInZone, "A shift must end after it starts; in {zone} {end} is not later than {start}.",
            "Een dienst moet eindigen na het begin; in {zone} is {end} niet later dan {start}.");
        Add(R.ShiftTooLong, "A shift from {start} to {end} is longer than the {days} days a shift may last.",
            "Een dienst van {start} tot {end} duurt langer dan de {days} dagen die een dienst mag duren.");
        Add(R.LocalTimeSkipped,
            "The local time {local} does not exist in {zone}: on {date} the clocks jump from {from} to {to} {why}. Choose a time before {from} or from {to}.",
            "De lokale tijd {local} bestaat niet in {zone}: op {date} springt de klok van {from} naar {to} {why}. Kies een tijd vóór {from} of vanaf {to}.");
        Add(R.SkippedForSummerTime, "because of the change to summer time", "omdat de zomertijd ingaat");
        Add(R.SkippedForOffsetChange, "because the zone's offset changes from {before} to {after}",
            "omdat de tijdzone verspringt van {before} naar {after}");
        Add(R.ShiftEmpty, "A shift must end after it starts.", "Een dienst moet eindigen na het begin.");
        Add(R.UnavailabilityEmpty, "A period of unavailability must end after it starts.", "Een afwezigheid moet eindigen na het begin.");
        Add(R.PeriodEndsBeforeStart, "The period must end after it starts; {to} is not after {from}.",
            "De periode moet eindigen na het begin; {to} ligt niet na {from}.");
        Add(R.CoveragePeriodEmpty, "The period must end after it starts.", "De periode moet eindigen na het begin.");
        Add(R.PeriodTooLong, "A period can be at most {max} days long.", "Een periode duurt hoogstens {max} dagen.");
        Add(R.FunctionCodeMissing, "A function needs a code, such as OvD-BZ.", "Een functie heeft een code nodig, zoals OvD-BZ.");
        Add(R.FunctionMinimumOutOfRange, "The minimum number on call must be between 0 and {max}; {given} was given.",
            "Het minimum aantal op piket ligt tussen 0 en {max}; {given} is opgegeven.");
        Add(R.RotationFunctionMissing, "A rotation needs the function it staffs.", "Een rotatie heeft de functie nodig die ze bemenst.");
        Add(R.RotationPoolEmpty, "A rotation needs at least one person in its pool.", "Een rotatie heeft minstens één persoon in de piketpool nodig.");
        Add(R.RotationPoolUnnamed, "Every person in the pool must be named.", "Iedereen in de piketpool moet genoemd zijn.");
        Add(R.RotationLengthNotFixed, "Give the shift length in weeks, days or hours; months and years have no fixed length.",
            "Geef de lengte van een dienst in weken, dagen of uren; maanden en jaren hebben geen vaste lengte.");
        Add(R.RotationLengthOutOfRange, "A rotation's shifts must last from 1 hour to {max} days; {given} was given.",
            "De diensten van een rotatie duren van 1 uur tot {max} dagen; {given} is opgegeven.");
        Add(R.RotationHandoverDayMissing, "Give the weekday of the handover.", "Geef de dag van de overdracht.");
        Add(R.RotationOtherFunction, "Shift {shift} is for {function}; a rotation of {rotation} can only regenerate shifts of {rotation}.",
            "Dienst {shift} is voor {function}; een rotatie van {rotation} kan alleen diensten van {rotation} opnieuw maken.");
        Add(R.SwapNotYourShift, "Only the person on a shift can ask someone else to take it.",
            "Alleen wie de dienst heeft, kan een ander vragen hem over te nemen.");
        Add(R.SwapAskedMissing, "Name the person you ask to take the shift.", "Kies wie je vraagt de dienst over te nemen.");
        Add(R.SwapAskedSelf, "You cannot ask yourself to take your own shift.", "Je kunt jezelf niet vragen je eigen dienst over te nemen.");
        Add(R.SwapPartEmpty, "The part of the shift to swap must end after it starts.", "Het deel van de dienst dat je ruilt, moet eindigen na het begin.");
        Add(R.SwapPartOutsideShift, "The part to swap ({start} to {end}) must lie within the shift ({shiftStart} to {shiftEnd}).",
            "Het deel dat je ruilt ({start} tot {end}) moet binnen de dienst liggen ({shiftStart} tot {shiftEnd}).");
        Add(R.SwapPartOver, "That part of the shift is already over; there is nothing left to swap.",
            "Dat deel van de dienst is al voorbij; er valt niets meer te ruilen.");
        Add(R.SwapOver, "That part of the shift is already over; there is nothing left to swap.",
            "Dat deel van de dienst is al voorbij; er valt niets meer te ruilen.");
        Add(R.SwapAcceptNotAsked, "Only the person who was asked can accept a swap.", "Alleen wie gevraagd is, kan een ruil accepteren.");
        Add(R.SwapDeclineNotAsked, "Only the person who was asked can decline a swap.", "Alleen wie gevraagd is, kan een ruil weigeren.");
        Add(R.SwapCancelNotRequester, "Only the person who asked for a swap can cancel it.", "Alleen wie de ruil vroeg, kan hem intrekken.");
        Add(R.SwapShiftChanged, "The shift has changed since this swap was asked for; ask again.",
            "De dienst is veranderd sinds deze ruil gevraagd is; vraag het opnieuw.");
        Add(R.SwapDecided, "This swap request was already {status}; it can no longer change.",
            "Dit ruilverzoek is al {status}; het kan niet meer veranderen.");

        // Who may.
        Add(S.ShiftCreateDenied, "Only coordinators can add shifts; ask a coordinator, or ask a colleague to swap.",
            "Alleen coördinatoren kunnen diensten toevoegen; vraag een coördinator, of vraag een collega om te ruilen.");
        Add(S.ShiftUpdateDenied, "Only coordinators can change shifts.", "Alleen coördinatoren kunnen diensten wijzigen.");
        Add(S.ShiftOverrideDenied, "Only coordinators can override shifts.", "Alleen coördinatoren kunnen diensten overschrijven.");
        Add(S.ShiftDeleteDenied, "Only coordinators can remove shifts.", "Alleen coördinatoren kunnen diensten verwijderen.");
        Add(S.UnavailabilityAddDenied, "Only coordinators and the person themself can enter unavailability.",
            "Alleen coördinatoren en de persoon zelf kunnen afwezigheid melden.");
        Add(S.UnavailabilityReadDenied, "Only coordinators and the person themself can see their unavailability.",
            "Alleen coördinatoren en de persoon zelf zien diens afwezigheid.");
        Add(S.UnavailabilityDeleteDenied, "Only coordinators and the person themself can remove their unavailability.",
            "Alleen coördinatoren en de persoon zelf kunnen diens afwezigheid verwijderen.");
        Add(S.RotationDenied, "Only coordinators can generate rotations.", "Alleen coördinatoren kunnen rotaties genereren.");
        Add(S.ImportDenied, "Only coordinators can import shifts.", "Alleen coördinatoren kunnen diensten importeren.");
        Add(S.HoursReportDenied, "Only coordinators can see the hours report.", "Alleen coördinatoren zien het urenoverzicht.");
        Add(S.CalendarReadDenied, "Only coordinators and the person themself can read their calendar.",
            "Alleen coördinatoren en de persoon zelf kunnen diens agenda lezen.");
        Add(S.CalendarSubscribeDenied, "Only coordinators and the person themself can make a calendar link.",
            "Alleen coördinatoren en de persoon zelf kunnen een agendalink maken.");
        Add(S.CalendarRevokeDenied, "Only coordinators and the person themself can revoke a calendar link.",
            "Alleen coördinatoren en de persoon zelf kunnen een agendalink intrekken.");
        Add(S.SwapWithoutPerson, "Only people on the region's roster can swap shifts; your account has no person with its email address.",
            "Alleen mensen in het piketrooster van de regio kunnen diensten ruilen; er staat geen persoon met jouw e-mailadres in.");

        // What is not there, what was asked.
        Add(S.ShiftNotFound, "There is no shift {id}.", "Dienst {id} bestaat niet.");
        Add(S.PersonNotFound, "There is no person {id}.", "Persoon {id} bestaat niet.");
        Add(S.UnavailabilityNotFound, "{person} has no unavailability {id}.", "{person} heeft geen afwezigheid {id}.");
        Add(S.SwapNotFound, "There is no swap request {id}.", "Ruilverzoek {id} bestaat niet.");
        Add(S.FeedNotFound, "This calendar link is unknown or was revoked.", "Deze agendalink is onbekend of ingetrokken.");
        Add(S.FunctionUnknown, "'{function}' is not a function in the catalogue (GET /api/functions lists them).",
            "'{function}' is geen functie uit de catalogus.");
        Add(S.PersonUnknown, "There is no person {id} in the region.", "Persoon {id} staat niet in de regio.");
        Add(S.UnavailabilityEndsBeforeStart, "The end of the unavailability must be after its start.",
            "Het einde van de afwezigheid moet na het begin liggen.");
        Add(S.UnavailabilityTooLong, "One entry of unavailability can last at most {days} days; split longer absences.",
            "Eén afwezigheid duurt hoogstens {days} dagen; meld een langere afwezigheid in delen.");
        Add(S.ReasonTooLong, "The reason has at most {max} characters.", "De reden heeft hoogstens {max} tekens.");
        Add(S.DaysOutOfRange, "days must be between 1 and 366.", "Het aantal dagen ligt tussen 1 en 366.");
        Add(S.SwapShiftUnknown, "There is no shift {id}.", "Dienst {id} bestaat niet.");
        Add(S.SwapShiftGone, "The shift of this swap no longer exists; the coordinator changed the roster.",
            "De dienst van deze ruil bestaat niet meer; de coördinator heeft het rooster gewijzigd.");
        Add(S.RotationPoolTooLarge, "A pool has at most {max} turns.", "Een piketpool heeft hoogstens {max} beurten.");
        Add(S.RotationPoolUnknown, "Unknown person(s) in the pool: {ids}.", "Onbekende perso(o)n(en) in de piketpool: {ids}.");
        Add(S.RotationWeeksOutOfRange, "weeks must be 1 to 4: a turn lasts at most the 31 days a shift may last.",
            "Een beurt duurt 1 tot 4 weken: hoogstens de 31 dagen die een dienst mag duren.");
        Add(S.UnqualifiedRefused, "{problem} This roster refuses unqualified assignments.",
            "{problem} Dit rooster weigert diensten voor wie niet gekwalificeerd is.");
        Add(S.NotInPool, "{person} does not hold the function {function} (is not in its piketpool).",
            "{person} heeft de functie {function} niet (zit niet in de piketpool).");
        Add(S.NotQualified, "{person} is not qualified for {function} at {start} (see the Veiligheidspaspoort).",
            "{person} is niet gekwalificeerd voor {function} op {start} (zie het Veiligheidspaspoort).");
        Add(S.ImportNotQualified, "{person} is not qualified for {function} at {start}.",
            "{person} is niet gekwalificeerd voor {function} op {start}.");
        Add(S.ImportLineWarning, "Line {line}: {problem}", "Regel {line}: {problem}");
        Add(S.GapOpened, "Gap in the roster of {function}: from {start} nobody (or not enough people) is on call.",
            "Gat in het piketrooster van {function}: vanaf {start} is niemand (genoeg) op piket.");

        // Import.
        Add(S.ImportEmpty, "The CSV is empty; send a header (function,personEmail,start,end) and one row per shift.",
            "De CSV is leeg; geef een kopregel (function,personEmail,start,end) en één regel per dienst.");
        Add(S.ImportHeaderIncomplete, "The CSV header lacks the column(s) {columns}; expected function,personEmail (or personId),start,end.",
            "De kopregel van de CSV mist de kolom(men) {columns}; verwacht: function,personEmail (of personId),start,end.");
        Add(S.ImportTooLarge, "An import has at most {max} rows; split the file.", "Een import heeft hoogstens {max} regels; splits het bestand.");
        Add(S.ImportUnreadable, "The file is not readable as CSV: {reason}", "Het bestand is niet te lezen als CSV: {reason}");
        Add(S.ImportNoRows, "The CSV has a header but no rows.", "De CSV heeft een kopregel maar geen regels.");
        Add(S.ImportRefused, "The import was refused: {count} row(s) are wrong, so nothing was imported. Correct them and import the whole file again.",
            "Niets geïmporteerd: {count} regel(s) zijn fout. Verbeter de regels hieronder en importeer het hele bestand opnieuw.");
        Add(S.ImportRowFunctionUnknown, "unknown function '{function}'.", "onbekende functie '{function}'.");
        Add(S.ImportRowPersonIdInvalid, "personId '{id}' is not an id.", "personId '{id}' is geen id.");
        Add(S.ImportRowPersonUnknown, "there is no person {id}.", "persoon {id} bestaat niet.");
        Add(S.ImportRowEmailUnknown, "there is no person with email {email}.", "er is geen persoon met e-mailadres {email}.");
        Add(S.ImportRowNoPerson, "the row names no person (personEmail or personId).", "de regel noemt geen persoon (personEmail of personId).");

        // The edge: strings that are not what the field needs.
        Add(W.ShiftBodyMissing,
            "Send the shift as JSON: {\"function\": \"OVD-BZ\", \"personId\": \"…\", \"start\": \"2026-03-23T08:00:00\", \"end\": \"2026-03-30T08:00:00\"}.",
            "Stuur de dienst als JSON: {\"function\": \"OVD-BZ\", \"personId\": \"…\", \"start\": \"2026-03-23T08:00:00\", \"end\": \"2026-03-30T08:00:00\"}.");
        Add(W.RotationBodyMissing,
            "Send the rotation as JSON: {\"function\", \"pool\": [personId], \"handoverDay\": \"monday\", \"handoverTime\": \"08:00\", \"weeks\": 1, \"from\", \"to\"}.",
            "Stuur de rotatie als JSON: {\"function\", \"pool\": [personId], \"handoverDay\": \"monday\", \"handoverTime\": \"08:00\", \"weeks\": 1, \"from\", \"to\"}.");
        Add(W.PersonRequired, "{field} is required: the id of a person (GET /api/people lists them).", "Kies een persoon ({field}).");
        Add(W.SwapShiftRequired, "shiftId is required: the shift you want someone else to take.", "Kies de dienst die je wilt laten overnemen.");
        Add(W.RotationPoolRequired, "pool is required: the people who take turns, in order.",
            "Kies de piketpool: de mensen die om de beurt piket hebben, in volgorde.");
        Add(W.LocalTimeRequired, "{field} is required, as a local date-time like 2026-03-23T08:00:00.",
            "Vul {field} in, als lokale datum en tijd zoals 2026-03-23T08:00:00.");
        Add(W.LocalTimeInvalid, "{field} '{value}' is not a local date-time like 2026-03-23T08:00:00.",
            "{field} '{value}' is geen lokale datum en tijd zoals 2026-03-23T08:00:00.");
        Add(W.LocalTimeWithOffset,
            "{field} '{value}' is not a local date-time like 2026-03-23T08:00:00. Give the local time of the region without an offset or Z.",
            "{field} '{value}' is geen lokale datum en tijd zoals 2026-03-23T08:00:00. Geef de lokale tijd van de regio, zonder offset of Z.");
        Add(W.DateRequired, "{field} is required, as a date like 2026-03-23.", "Vul {field} in, als datum zoals 2026-03-23.");
        Add(W.DateInvalid, "{field} '{value}' is not a date like 2026-03-23.", "{field} '{value}' is geen datum zoals 2026-03-23.");
        Add(W.InstantInvalid, "{field} '{value}' is not an instant like 2026-11-22T10:15:00Z.",
            "{field} '{value}' is geen tijdstip zoals 2026-11-22T10:15:00Z.");
        Add(W.TimeRequired, "{field} is required, as a time like 08:00.", "Vul {field} in, als tijd zoals 08:00.");
        Add(W.TimeInvalid, "{field} '{value}' is not a time like 08:00.", "{field} '{value}' is geen tijd zoals 08:00.");
        Add(W.MonthInvalid, "{field} '{value}' is not a month like 2026-03.", "{field} '{value}' is geen maand zoals 2026-03.");
        Add(W.WeekdayInvalid, "{field} '{value}' is not a weekday; use monday … sunday.",
            "{field} '{value}' is geen weekdag; gebruik maandag … zondag.");
        Add(W.FunctionRequired, "{field} is required, a function code such as OVD-BZ.", "Kies een functie ({field}), zoals OVD-BZ.");
        Add(W.FormatUnknown, "Unknown format '{format}'; use json (the default) or csv.", "Onbekend formaat '{format}'; gebruik json (standaard) of csv.");
        Add(W.InputFunctionMissing, "Choose a function.", "Kies een functie.");
        Add(W.InputPersonMissing, "Choose a person.", "Kies een persoon.");
        Add(W.InputDateTimeInvalid, "'{value}' is not a date and time like 14-12-2026 08:00.", "'{value}' is geen datum en tijd zoals 14-12-2026 08:00.");
        Add(W.InputDateInvalid, "'{value}' is not a date like 14-12-2026.", "'{value}' is geen datum zoals 14-12-2026.");
        Add(W.InputTimeInvalid, "'{value}' is not a time like 08:00.", "'{value}' is geen tijd zoals 08:00.");
    }

    /// <summary>
    /// A local time as the API's English texts have always written it (<c>2026-03-23T08:00:00</c>) and as the pages
    /// write it (<c>23-03-2026 08:00</c>).
    /// </summary>
    internal static Domain.Bilingual WireTime(NodaTime.LocalDateTime local) => new(RosterWire.Format(local), DutchFormat.DateTime(local));
}
