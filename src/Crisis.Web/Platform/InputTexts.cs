using Crisis.Domain;

namespace Crisis.Web.Platform;

/// <summary>The sentences of <see cref="InputRefusals"/>: raw input every feature refuses alike.</summary>
internal sealed class InputTexts : PhraseTable
{
    public InputTexts()
    {
        Add(InputRefusals.DateOutOfRange,
            "{field} '{value}' is outside the dates Crisis accepts: from {min} to {max}.",
            "{field} '{value}' valt buiten de datums die Crisis aanneemt: van {min} tot en met {max}.");
        Add(InputRefusals.ControlCharacter,
            "{field} contains the control character {character} at position {position}; remove it and send the text again.",
            "{field} bevat een onzichtbaar stuurteken ({character}) op positie {position}; haal het weg en probeer het opnieuw.");
        Add(InputRefusals.LineBreak,
            "{field} must be one line: remove the line break or tab.",
            "{field} moet op één regel: haal de regelovergang of tab weg.");
    }
}
