using Crisis.Web.Platform;
using O = Crisis.Web.Organisation.OrganisationServiceRefusals;
using R = Crisis.Domain.Organisation.OrganisationRefusals;

namespace Crisis.Web.Organisation;

/// <summary>Everything the organisation (municipalities, functions, people) says, in English and Dutch.</summary>
internal sealed class OrganisationTexts : PhraseTable
{
    public OrganisationTexts()
    {
        Add(R.FunctionCodeMissing, "Give the function's code, e.g. OVD-BZ.", "Geef de code van de functie, bijvoorbeeld OVD-BZ.");
        Add(R.FunctionCodeInvalid, "'{code}' is not a valid function code: use 2 to {max} letters, digits and single dashes, e.g. OVD-BZ.",
            "'{code}' is geen geldige functiecode: gebruik 2 tot {max} letters, cijfers en losse streepjes, bijvoorbeeld OVD-BZ.");
        Add(R.NameMissing, "A name is required.", "Vul een naam in.");
        Add(R.NameTooLong, "The name is {length} characters long; at most {max} are allowed.",
            "De naam is {length} tekens lang; er mogen er hoogstens {max} zijn.");
        Add(R.MinimumOnCallOutOfRange, "minimumOnCall {value} is out of range; use 0 (no on-call duty) to {max}.",
            "Het minimum aantal op piket ({value}) kan niet; gebruik 0 (geen piket) tot {max}.");
        Add(R.EmailInvalid, "'{email}' is not a valid email address.", "'{email}' is geen geldig e-mailadres.");

        Add(O.MunicipalityAddDenied, "Only coordinators can add municipalities.", "Alleen coördinatoren kunnen gemeenten toevoegen.");
        Add(O.FunctionCreateDenied, "Only coordinators can add functions.", "Alleen coördinatoren kunnen functies toevoegen.");
        Add(O.PersonCreateDenied, "Only coordinators can add people.", "Alleen coördinatoren kunnen mensen toevoegen.");
        Add(O.MunicipalityNameTooLong, "A municipality name has at most {max} characters.", "De naam van een gemeente heeft hoogstens {max} tekens.");
        Add(O.MunicipalityExists, "Municipality {name} already exists.", "Gemeente {name} bestaat al.");
        Add(O.AovCodeTaken, "The local AOV piket code {code} for {name} is already taken or cannot be made.",
            "De code {code} voor het lokale AOV-piket van {name} is al in gebruik of kan niet gemaakt worden.");
        Add(O.FunctionExists, "Function {code} already exists.", "Functie {code} bestaat al.");
        Add(O.PersonNotFound, "There is no person {id}.", "Persoon {id} bestaat niet.");
        Add(O.NoMunicipalities, "Add municipalities to the region first (POST /api/municipalities).", "Voeg eerst de gemeenten van de regio toe.");
        Add(O.MunicipalityUnknown, "'{municipality}' is not a municipality of the region; use one of {known}.",
            "'{municipality}' is geen gemeente van de regio; kies uit {known}.");
        Add(O.FunctionsUnknown, "Unknown function(s): {codes}.", "Onbekende functie(s): {codes}.");
        Add(O.PersonExists, "A person with email {email} already exists.", "Er bestaat al een persoon met e-mailadres {email}.");
    }
}
