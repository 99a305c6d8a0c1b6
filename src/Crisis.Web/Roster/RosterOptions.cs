using System.ComponentModel.DataAnnotations;

namespace Crisis.Web.Roster;

/// <summary>What the roster does when a shift goes to someone who is not qualified for its function.</summary>
public enum UnqualifiedAssignments
{
    /// <summary>Store the shift and say why it is a problem (a <c>warnings</c> array in the response).</summary>
    Warn,
    /// <summary>Refuse the shift with 409.</summary>
    Refuse,
}

/// <summary>The <c>Crisis:Roster</c> configuration section, validated at start-up.</summary>
public sealed class RosterOptions
{
    public const string Section = "Crisis:Roster";

    [EnumDataType(typeof(UnqualifiedAssignments), ErrorMessage = "Crisis:Roster:UnqualifiedAssignments must be Warn or Refuse.")]
    public UnqualifiedAssignments UnqualifiedAssignments { get; set; } = UnqualifiedAssignments.Warn;

    /// <summary>How far ahead a change that opens a gap is pushed to coordinators.</summary>
    [Range(1, 90)]
    public int GapAlertDays { get; set; } = 14;
}
