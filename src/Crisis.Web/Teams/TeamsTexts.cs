using Crisis.Domain.Teams;
using Crisis.Web.Platform;

namespace Crisis.Web.Teams;

/// <summary>The English (API) and Dutch (pages) texts of the teams refusals.</summary>
internal sealed class TeamsTexts : PhraseTable
{
    public TeamsTexts()
    {
        Add(TeamsRefusals.CodeMissing, "Give the team's code, e.g. WG-OTO.", "Geef de code van het team, bijvoorbeeld WG-OTO.");
        Add(TeamsRefusals.CodeInvalid,
            "'{code}' is not a valid team code: use 2 to {max} letters, digits and single dashes, e.g. WG-OTO.",
            "'{code}' is geen geldige teamcode: gebruik 2 tot {max} letters, cijfers en losse streepjes, bijvoorbeeld WG-OTO.");
        Add(TeamsRefusals.CodeTaken, "There is already a team {code}.", "Er is al een team {code}.");
        Add(TeamsRefusals.NameMissing, "A name is required.", "Geef het team een naam.");
        Add(TeamsRefusals.NameTooLong,
            "The name is {length} characters long; at most {max} are allowed.",
            "De naam is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(TeamsRefusals.KindUnknown, "'{kind}' is not a kind of team; use one of {kinds}.", "'{kind}' is geen soort team; kies uit {kinds}.");
        Add(TeamsRefusals.RoleUnknown, "'{role}' is not a team role; use one of {roles}.", "'{role}' is geen rol in een team; kies uit {roles}.");
        Add(TeamsRefusals.HeadFunctionUnknown,
            "'{function}' is not a function in the catalogue.",
            "'{function}' is geen functie in de catalogus.");
        Add(TeamsRefusals.HeadFunctionOfWorkingGroup,
            "A working group has a chair, not a head function; leave out {function}.",
            "Een werkgroep heeft een voorzitter en geen hoofdfunctie; laat {function} weg.");
        Add(TeamsRefusals.TeamUnknown, "There is no team {code}.", "Er is geen team {code}.");
        Add(TeamsRefusals.MemberUnknown, "There is no person {personId}.", "Er is geen persoon {personId}.");
        Add(TeamsRefusals.MemberTwice,
            "Person {personId} is named twice; give each person one role.",
            "Persoon {personId} staat er twee keer in; geef iedereen één rol.");
        Add(TeamsRefusals.TooManyMembers,
            "{count} members are too many; a team has at most {max}.",
            "{count} leden zijn te veel; een team heeft er hoogstens {max}.");
        Add(TeamsRefusals.RoleNotForKind,
            "A {kind} has no role {role}; use one of {roles}.",
            "Een {kind} kent de rol {role} niet; kies uit {roles}.");
        Add(TeamsRefusals.TaskTeamOneHead,
            "A task team has at most one head; the members of {team} name {count}.",
            "Een taakteam heeft hoogstens één hoofd; bij {team} staan er {count}.");
        Add(TeamsRefusals.WorkingGroupOneChair,
            "A working group has exactly one chair; the members of {team} name {count}.",
            "Een werkgroep heeft precies één voorzitter; bij {team} staan er {count}.");
        Add(TeamsRefusals.WorkingGroupTooFewMembers,
            "A working group has at least {minimum} members besides its chair; {team} would have {count}.",
            "Een werkgroep heeft naast de voorzitter minstens {minimum} leden; {team} zou er {count} hebben.");
        Add(TeamsHostRefusals.CoordinatorsOnly,
            "Only coordinators can create teams or change their members.",
            "Alleen coördinatoren kunnen teams aanmaken of de leden ervan wijzigen.");
        Add(TeamsHostRefusals.BodyMissing,
            "Send the team, or its members, as JSON in the request body.",
            "Stuur het team of de leden mee; er kwam niets aan.");
        Add(TeamsHostRefusals.Changed,
            "The members of {team} were changed by someone else at the same moment; reload and try again.",
            "De leden van {team} werden tegelijk door iemand anders gewijzigd; laad opnieuw en probeer het nog eens.");
    }
}
