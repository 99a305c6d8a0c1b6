using Crisis.Domain.Organisation;

namespace Crisis.Domain.Paspoort;

/// <summary>A key function the default catalogue has requirements for.</summary>
public sealed record KeyFunction(string Code, string Name);

/// <summary>
/// The requirements a new region starts with, for the key functions of Bevolkingszorg. Each function has
/// both tracks: becoming qualified (a course, once) and staying qualified (an exercise in the function
/// every year, plus a recurring training). Coordinators adapt them to the region; these are a starting point.
/// </summary>
public static class DefaultRequirements
{
    public const string OvdBz = FunctionCatalogue.OvdBz;
    public const string AcBz = FunctionCatalogue.AcBz;
    public const string Hin = FunctionCatalogue.Hin;
    public const string HoofdPubliekeZorg = FunctionCatalogue.HoofdPubliekeZorg;
    public const string HoofdOmgevingszorg = FunctionCatalogue.HoofdOmgevingszorg;
    public const string HoofdOndersteuning = FunctionCatalogue.HoofdOndersteuning;
    public const string HoofdNafase = FunctionCatalogue.HoofdNafase;

    /// <summary>Shared by every function that works in LCMS: one training counts for all of them.</summary>
    public const string LcmsTraining = "LCMS-TRAINING";

    /// <summary>The competence training for all leading functions (DOMAIN: "competence training for all heads").</summary>
    public const string CompetentieTraining = "COMPETENTIE-TRAINING";

    /// <summary>The functions the catalogue covers, with their Dutch names.</summary>
    public static IReadOnlyList<KeyFunction> Functions { get; } =
    [
        new(OvdBz, "Officier van Dienst Bevolkingszorg"),
        new(AcBz, "Algemeen Commandant Bevolkingszorg"),
        new(Hin, "Hoofd Informatie Bevolkingszorg"),
        new(HoofdPubliekeZorg, "Hoofd Publieke Zorg"),
        new(HoofdOmgevingszorg, "Hoofd Omgevingszorg"),
        new(HoofdOndersteuning, "Hoofd Ondersteuning"),
        new(HoofdNafase, "Hoofd Nafase"),
    ];

    /// <summary>Every default requirement, grouped by function in the order of <see cref="Functions"/>.</summary>
    public static IReadOnlyList<Requirement> All { get; } =
    [
        // OvD-BZ: the example of DOMAIN.md. Leads BZ at the scene, so drills in the COPI every year.
        new(OvdBz, "OVD-BASIS", "Basisopleiding OvD-BZ", ActivityKind.Course, null),
        new(OvdBz, "OVD-OEFENING", "Oefening in de functie OvD-BZ (COPI)", ActivityKind.Exercise, 12),
        new(OvdBz, LcmsTraining, "LCMS-training", ActivityKind.Training, 24),

        // AC-BZ: heads BZ in the ROT; leads people, so also the competence training.
        new(AcBz, "AC-BASIS", "Basisopleiding AC-BZ", ActivityKind.Course, null),
        new(AcBz, "AC-OEFENING", "Oefening in de functie AC-BZ (ROT)", ActivityKind.Exercise, 12),
        new(AcBz, LcmsTraining, "LCMS-training", ActivityKind.Training, 24),
        new(AcBz, CompetentieTraining, "Competentietraining leidinggevenden", ActivityKind.Training, 24),

        // HIN: keeps the log of the column in LCMS, so the LCMS training every year rather than every two,
        // and two exercises a year because the information picture is what every other function leans on.
        new(Hin, "HIN-BASIS", "Basisopleiding Hoofd Informatie", ActivityKind.Course, null),
        new(Hin, "HIN-OEFENING", "Oefening in de functie HIN", ActivityKind.Exercise, 12, 2),
        new(Hin, LcmsTraining, "LCMS-training", ActivityKind.Training, 12),

        // The heads of the task teams: their own course, an exercise with their team each year, and the
        // competence training for leading functions.
        new(HoofdPubliekeZorg, "HPZ-BASIS", "Opleiding Hoofd Publieke Zorg", ActivityKind.Course, null),
        new(HoofdPubliekeZorg, "HPZ-OEFENING", "Oefening Publieke Zorg (opvang, SIS)", ActivityKind.Exercise, 12),
        new(HoofdPubliekeZorg, CompetentieTraining, "Competentietraining leidinggevenden", ActivityKind.Training, 24),

        new(HoofdOmgevingszorg, "HOZ-BASIS", "Opleiding Hoofd Omgevingszorg", ActivityKind.Course, null),
        new(HoofdOmgevingszorg, "HOZ-OEFENING", "Simulatieoefening Omgevingszorg", ActivityKind.Exercise, 12),
        new(HoofdOmgevingszorg, CompetentieTraining, "Competentietraining leidinggevenden", ActivityKind.Training, 24),

        new(HoofdOndersteuning, "HON-BASIS", "Opleiding Hoofd Ondersteuning", ActivityKind.Course, null),
        new(HoofdOndersteuning, "HON-OEFENING", "Oefening Ondersteuning (facilitair, telefoonteam)", ActivityKind.Exercise, 12),
        new(HoofdOndersteuning, CompetentieTraining, "Competentietraining leidinggevenden", ActivityKind.Training, 24),

        // Nafase: real aftermaths are rare, so the exercise track carries the competence; every 24 months
        // is what a region can organise for a scenario that takes weeks to play.
        new(HoofdNafase, "HNF-BASIS", "Opleiding Hoofd Nafase", ActivityKind.Course, null),
        new(HoofdNafase, "HNF-OEFENING", "Oefening Nafase", ActivityKind.Exercise, 24),
        new(HoofdNafase, CompetentieTraining, "Competentietraining leidinggevenden", ActivityKind.Training, 24),
    ];

    /// <summary>The default requirements of one function (compared without regard to case); empty when it has none.</summary>
    public static IReadOnlyList<Requirement> For(string function) =>
        All.Where(r => Texts.SameCode(r.Function, function)).ToList();
}
