using Crisis.Domain.Teams;
using Crisis.Web.Platform;

namespace Crisis.Web.Teams;

/// <summary>The English (API) and Dutch (pages) texts of the year-plan refusals.</summary>
internal sealed class YearPlanTexts : PhraseTable
{
    public YearPlanTexts()
    {
        Add(YearPlanRefusals.YearOutOfRange, "{year} is not a plan year; use {min} to {max}.", "{year} is geen jaar voor een jaarplan; kies {min} tot en met {max}.");
        Add(YearPlanRefusals.CodeMissing, "Give the activity a code, such as B3.", "Geef de activiteit een code, bijvoorbeeld B3.");
        Add(YearPlanRefusals.CodeInvalid,
            "'{code}' is not an activity code: one to three letters then one to three digits, such as A1 or E10.",
            "'{code}' is geen activiteitcode: één tot drie letters en dan één tot drie cijfers, zoals A1 of E10.");
        Add(YearPlanRefusals.TitleMissing, "Give the activity a title.", "Geef de activiteit een naam.");
        Add(YearPlanRefusals.TextTooLong,
            "The {field} is {length} characters long; at most {max} are allowed.",
            "Het veld {field} is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(YearPlanRefusals.TeamMissing, "Name the working group the activity belongs to.", "Kies de werkgroep waar de activiteit bij hoort.");
        Add(YearPlanRefusals.TeamNotWorkingGroup,
            "'{team}' is not a working group; use one of {groups}.",
            "'{team}' is geen werkgroep; kies uit {groups}.");
        Add(YearPlanRefusals.ContactUnknown, "There is no person {personId} to be the contact.", "Er is geen persoon {personId} om contactpersoon te zijn.");
        Add(YearPlanRefusals.FunctionUnknown, "'{function}' is not a function.", "'{function}' is geen functie.");
        Add(YearPlanRefusals.AudienceTooLarge,
            "{count} functions in the audience are too many; at most {max}.",
            "{count} functies in de doelgroep zijn te veel; hoogstens {max}.");
        Add(YearPlanRefusals.QuarterInvalid, "'{quarter}' is not a quarter; use 1 to 4.", "'{quarter}' is geen kwartaal; kies 1 tot en met 4.");
        Add(YearPlanRefusals.CostsInvalid,
            "The costs {amount} are not an amount from 0 to {max} in whole cents.",
            "De kosten {amount} zijn geen bedrag van 0 tot {max} in hele centen.");
        Add(YearPlanRefusals.StatusMissing, "Give the activity a status: one of {statuses}.", "Geef de activiteit een status: kies uit {statuses}.");
        Add(YearPlanRefusals.StatusUnknown, "'{status}' is not a status; use one of {statuses}.", "'{status}' is geen status; kies uit {statuses}.");
        Add(YearPlanRefusals.KindUnknown, "'{kind}' is not a kind of activity; use one of {kinds}.", "'{kind}' is geen soort activiteit; kies uit {kinds}.");
        Add(YearPlanRefusals.RequirementInvalid,
            "'{requirement}' is not a requirement; write FUNCTION/CODE, such as OVD-BZ/OEF-JAAR.",
            "'{requirement}' is geen eis; schrijf FUNCTIE/CODE, zoals OVD-BZ/OEF-JAAR.");
        Add(YearPlanRefusals.RequirementWithoutKind,
            "An activity that meets requirement {requirement} needs a kind (course, training or exercise).",
            "Een activiteit die aan eis {requirement} voldoet heeft een soort nodig (cursus, training of oefening).");
        Add(YearPlanRefusals.CopyBackwards, "A plan is copied to a later year; {next} is not after {year}.", "Een jaarplan gaat naar een later jaar; {next} komt niet na {year}.");
        Add(YearPlanRefusals.CsvColumnMissing, "The file lacks the column(s) {columns}.", "Het bestand mist de kolom(men) {columns}.");
        Add(YearPlanRefusals.CsvNumberInvalid, "'{text}' is not an amount, such as 1250,50.", "'{text}' is geen bedrag, zoals 1250,50.");
        Add(YearPlanRefusals.CsvCodeTwice, "Code {code} is in the file twice (first on line {line}).", "Code {code} staat twee keer in het bestand (eerst op regel {line}).");
        Add(YearPlanRefusals.CsvContactUnknown, "Nobody has the e-mail address {email}.", "Niemand heeft het e-mailadres {email}.");
        Add(YearPlanHostRefusals.EditorsOnly,
            "Only the members of WG-OTO and coordinators can change the year plan.",
            "Alleen de leden van de werkgroep OTO en coördinatoren kunnen het jaarplan wijzigen.");
        Add(YearPlanHostRefusals.ActivityUnknown, "The plan of {year} has no activity {code}.", "Het jaarplan {year} heeft geen activiteit {code}.");
        Add(YearPlanHostRefusals.CodeTaken, "The plan of {year} already has an activity {code}.", "Het jaarplan {year} heeft al een activiteit {code}.");
        Add(YearPlanHostRefusals.CodeMismatch,
            "The body names code {code} but the address names {path}; a code cannot change.",
            "De code {code} wijkt af van {path}; een code kan niet veranderen.");
        Add(YearPlanHostRefusals.BodyMissing, "Send the request as JSON in the body.", "Er kwam niets aan; vul het formulier in.");
        Add(YearPlanHostRefusals.FormatUnknown, "'{format}' is not a format; use json, csv or html.", "'{format}' is geen formaat; kies json, csv of html.");
        Add(YearPlanHostRefusals.ImportEmpty, "The file holds no activities.", "Het bestand bevat geen activiteiten.");
        Add(YearPlanHostRefusals.ImportUnreadable, "The file cannot be read as CSV: {reason}", "Het bestand is geen leesbare CSV: {reason}");
        Add(YearPlanHostRefusals.ImportRefused,
            "The import was refused: {count} row(s) are wrong; nothing was stored.",
            "De import is geweigerd: {count} regel(s) kloppen niet; er is niets opgeslagen.");
        Add(YearPlanHostRefusals.ImportTooLarge, "The file holds more than {max} rows.", "Het bestand heeft meer dan {max} regels.");
        Add(YearPlanHostRefusals.WithoutKind,
            "Activity {code} has no kind (course, training or exercise), so a session cannot be recorded in the paspoort.",
            "Activiteit {code} heeft geen soort (cursus, training of oefening); een sessie kan dan niet in het paspoort.");
        Add(YearPlanHostRefusals.SessionOutsideYear, "The session date {date} is not in {year}.", "De datum {date} valt niet in {year}.");
        Add(YearPlanHostRefusals.AttendeeMissing, "Name each attendee by personId.", "Kies bij elke deelnemer wie het is.");
        Add(YearPlanHostRefusals.Changed,
            "The plan ({code}) was changed by someone else at the same moment; reload and try again.",
            "Het jaarplan ({code}) werd tegelijk door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.");
    }
}
