using Crisis.Domain.Teams;
using Crisis.Web.Platform;

namespace Crisis.Web.Teams;

/// <summary>The English (API) and Dutch (pages) texts of the Leerprikkelaar's refusals.</summary>
internal sealed class LeerprikkelTexts : PhraseTable
{
    public LeerprikkelTexts()
    {
        Add(LeerprikkelRefusals.QuestionMissing, "Write the question or assignment.", "Schrijf de vraag of opdracht.");
        Add(LeerprikkelRefusals.TextTooLong,
            "The {field} is {length} characters long; at most {max} are allowed.",
            "Het veld {field} is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(LeerprikkelRefusals.AudienceMissing, "Name at least one function to send the question to.", "Kies ten minste één functie om de vraag aan te sturen.");
        Add(LeerprikkelRefusals.AudienceTooLarge,
            "{count} functions in the audience are too many; at most {max}.",
            "{count} functies in de doelgroep zijn te veel; hoogstens {max}.");
        Add(LeerprikkelRefusals.FunctionUnknown, "'{function}' is not a function.", "'{function}' is geen functie.");
        Add(LeerprikkelRefusals.SendOnMissing, "Give the day the question goes out (sendOn).", "Kies de dag waarop de vraag verstuurd wordt.");
        Add(LeerprikkelRefusals.SendOnOutOfRange,
            "{date} cannot be the send day: choose today ({today}) or a day at most {max} days ahead.",
            "{date} kan geen verzenddag zijn: kies vandaag ({today}) of een dag hoogstens {max} dagen vooruit.");
        Add(LeerprikkelRefusals.ReminderOutOfRange,
            "A reminder after {days} day(s) is not possible; choose {min} to {max}.",
            "Een herinnering na {days} dag(en) kan niet; kies {min} tot en met {max}.");
        Add(LeerprikkelRefusals.TrainingNotChosen,
            "A training name or requirement is given, but the question does not count as training.",
            "Er is een trainingsnaam of eis ingevuld, maar de vraag telt niet als training.");
        Add(LeerprikkelRefusals.RequirementInvalid,
            "'{requirement}' is not a requirement; write FUNCTION/CODE, such as OVD-BZ/LCMS-TRAINING.",
            "'{requirement}' is geen eis; schrijf FUNCTIE/CODE, zoals OVD-BZ/LCMS-TRAINING.");
        Add(LeerprikkelRefusals.AnswerMissing, "Write your answer.", "Schrijf je antwoord.");
        Add(LeerprikkelHostRefusals.WritersOnly,
            "Only the members of WG-OTO and coordinators write Leerprikkelaar questions.",
            "Alleen de leden van de werkgroep OTO en coördinatoren schrijven vragen voor de Leerprikkelaar.");
        Add(LeerprikkelHostRefusals.Unknown, "There is no Leerprikkelaar question {id}.", "Er is geen vraag {id} van de Leerprikkelaar.");
        Add(LeerprikkelHostRefusals.NotAddressee, "This question was not sent to you, so you cannot answer it.", "Deze vraag is niet aan jou gestuurd; je kunt hem niet beantwoorden.");
        Add(LeerprikkelHostRefusals.NotSentYet, "The question goes out on {date}; it cannot be answered before then.", "De vraag gaat op {date} uit; eerder kun je hem niet beantwoorden.");
        Add(LeerprikkelHostRefusals.AnsweredAlready, "You have answered this question already; an answer stays as it was given.", "Je hebt deze vraag al beantwoord; een antwoord blijft zoals het gegeven is.");
        Add(LeerprikkelHostRefusals.SentAlready, "The question went out already ({date}); it stays, with its answers.", "De vraag is al verstuurd ({date}); hij blijft, met de antwoorden.");
        Add(LeerprikkelHostRefusals.BodyMissing, "Send the request as JSON in the body.", "Er kwam niets aan; vul het formulier in.");
        Add(LeerprikkelHostRefusals.Changed,
            "The question was changed by someone else at the same moment; reload and try again.",
            "De vraag werd tegelijk door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.");
    }
}
