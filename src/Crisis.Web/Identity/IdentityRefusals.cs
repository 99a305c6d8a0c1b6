using Crisis.Domain;

namespace Crisis.Web.Identity;

/// <summary>The refusals of user administration, the host's commands and the demo seeder.</summary>
public static class IdentityRefusals
{
    public static readonly RefusalCode EmailInvalid = new("identity.email-invalid", ViolationKind.Invalid);
    public static readonly RefusalCode EmailMissing = new("identity.email-missing", ViolationKind.Invalid);
    public static readonly RefusalCode NameMissing = new("identity.name-missing", ViolationKind.Invalid);

    /// <summary><c>{role}</c> is not one of <c>{roles}</c>.</summary>
    public static readonly RefusalCode RoleUnknown = new("identity.role-unknown", ViolationKind.Invalid);

    /// <summary>A user with the <c>{email}</c> exists already.</summary>
    public static readonly RefusalCode UserExists = new("identity.user-exists", ViolationKind.Conflict);

    /// <summary>No user has the <c>{email}</c>.</summary>
    public static readonly RefusalCode UserUnknown = new("identity.user-unknown", ViolationKind.NotFound);

    /// <summary>The password is shorter than <c>{length}</c> characters.</summary>
    public static readonly RefusalCode PasswordTooShort = new("identity.password-too-short", ViolationKind.Invalid);

    public static readonly RefusalCode PasswordCommon = new("identity.password-common", ViolationKind.Invalid);
    public static readonly RefusalCode PasswordWeak = new("identity.password-weak", ViolationKind.Invalid);

    /// <summary><c>{expires}</c> is not a lifetime like 90d, 12h or 30m.</summary>
    public static readonly RefusalCode TokenExpiryInvalid = new("identity.token-expiry-invalid", ViolationKind.Invalid);

    /// <summary>No token has the <c>{id}</c>.</summary>
    public static readonly RefusalCode TokenUnknown = new("identity.token-unknown", ViolationKind.NotFound);

    /// <summary>ASP.NET Core Identity refused the user for <c>{reasons}</c> (its descriptions, or its error codes in Dutch).</summary>
    public static readonly RefusalCode UserRejected = new("identity.user-rejected", ViolationKind.Invalid);

    public static readonly RefusalCode DemoNeedsEmptyDatabase = new("identity.demo-needs-empty-database", ViolationKind.Conflict);

    // The command line.

    /// <summary>The words <c>{words}</c> are not options of the form <c>--name value</c>.</summary>
    public static readonly RefusalCode CommandOptionsUnreadable = new("identity.command-options-unreadable", ViolationKind.Invalid);

    /// <summary><c>{command}</c> is not a command of the host.</summary>
    public static readonly RefusalCode CommandUnknown = new("identity.command-unknown", ViolationKind.Invalid);

    /// <summary>The <c>{command}</c> needs <c>--{option}</c>.</summary>
    public static readonly RefusalCode CommandOptionMissing = new("identity.command-option-missing", ViolationKind.Invalid);

    /// <summary>The <c>{command}</c> has no <c>--{option}</c>.</summary>
    public static readonly RefusalCode CommandOptionUnknown = new("identity.command-option-unknown", ViolationKind.Invalid);
}

/// <summary>What user administration and the host's commands say when they refuse.</summary>
internal sealed class IdentityTexts : Platform.PhraseTable
{
    public IdentityTexts()
    {
        Add(IdentityRefusals.EmailInvalid,
            "Give a valid email address with --email.",
            "Geef een geldig e-mailadres op met --email.");
        Add(IdentityRefusals.EmailMissing,
            "Give the user's email address with --email.",
            "Geef het e-mailadres van de gebruiker op met --email.");
        Add(IdentityRefusals.NameMissing,
            "Give the person's name with --name.",
            "Geef de naam van de persoon op met --name.");
        Add(IdentityRefusals.RoleUnknown,
            "'{role}' is not a role; use one of {roles}.",
            "'{role}' is geen rol; kies een van {roles}.");
        Add(IdentityRefusals.UserExists,
            "A user with email {email} already exists.",
            "Er is al een gebruiker met e-mailadres {email}.");
        Add(IdentityRefusals.UserUnknown,
            "There is no user with email {email}.",
            "Er is geen gebruiker met e-mailadres {email}.");
        Add(IdentityRefusals.PasswordTooShort,
            "Passwords must be at least {length} characters.",
            "Een wachtwoord heeft minstens {length} tekens.");
        Add(IdentityRefusals.PasswordCommon,
            "That password is one of the most common ones; choose another.",
            "Dat wachtwoord is een van de meest gebruikte; kies een ander.");
        Add(IdentityRefusals.PasswordWeak,
            "That password is too simple (one character or block repeated, or a run like 1234567890); choose another.",
            "Dat wachtwoord is te eenvoudig (één teken of stukje herhaald, of een reeks als 1234567890); kies een ander.");
        Add(IdentityRefusals.TokenExpiryInvalid,
            "'{expires}' is not a lifetime; give --expires as a number of days, hours or minutes, like 90d, 12h or 30m.",
            "'{expires}' is geen geldigheidsduur; geef --expires als dagen, uren of minuten, zoals 90d, 12h of 30m.");
        Add(IdentityRefusals.TokenUnknown,
            "There is no token with id {id}.",
            "Er is geen token met id {id}.");
        Add(IdentityRefusals.UserRejected,
            "{reasons}",
            "Crisis kon de gebruiker niet aanmaken ({reasons}).");
        Add(IdentityRefusals.DemoNeedsEmptyDatabase,
            "The database already has users; the demo region is only seeded into an empty database.",
            "De database heeft al gebruikers; de demoregio komt alleen in een lege database.");
        Add(IdentityRefusals.CommandOptionsUnreadable,
            "Cannot read '{words}': give options as --name value.",
            "'{words}' is onleesbaar: geef opties als --naam waarde.");
        Add(IdentityRefusals.CommandUnknown,
            "Unknown command '{command}'.",
            "Onbekend commando '{command}'.");
        Add(IdentityRefusals.CommandOptionMissing,
            "{command}: --{option} is required.",
            "{command}: --{option} is verplicht.");
        Add(IdentityRefusals.CommandOptionUnknown,
            "{command}: unknown option --{option}.",
            "{command}: onbekende optie --{option}.");
    }
}
