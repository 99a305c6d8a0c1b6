namespace Crisis.Domain.Identity;

/// <summary>The five roles a user of Crisis has; exactly one per user.</summary>
public enum CrisisRole
{
    /// <summary>Regional coordinator: sees and manages everything.</summary>
    Coordinator,
    /// <summary>Officer on duty (OvD-BZ, AC-BZ, HIN …): opens and runs incidents.</summary>
    Officer,
    /// <summary>Member of a task team or working group: writes in incidents they take part in.</summary>
    Member,
    /// <summary>Leads exercises: opens and runs exercise incidents.</summary>
    ExerciseLead,
    /// <summary>Reads the incidents they take part in, writes nothing.</summary>
    Viewer,
}

public static class CrisisRoles
{
    private static readonly WireNames<CrisisRole> Names = new(
        (CrisisRole.Coordinator, "coordinator", "Coördinator"),
        (CrisisRole.Officer, "officer", "Officier"),
        (CrisisRole.Member, "member", "Teamlid"),
        (CrisisRole.ExerciseLead, "exercise-lead", "Oefenleider"),
        (CrisisRole.Viewer, "viewer", "Meelezer"));

    /// <summary>All wire names, in the order of the enum: what the CLI and API accept.</summary>
    public static IReadOnlyList<string> WireNames => Names.All;

    public static string ToWire(this CrisisRole role) => Names.Wire(role);

    public static string ToDutch(this CrisisRole role) => Names.Dutch(role);

    public static bool TryParse(string? wire, out CrisisRole role)
    {
        if (Names.TryParse(wire, out role))
        {
            return true;
        }
        // Never leave the most powerful role (Coordinator, the enum's default) behind on failure.
        role = CrisisRole.Viewer;
        return false;
    }
}
