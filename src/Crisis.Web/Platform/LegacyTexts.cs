using Crisis.Domain;

namespace Crisis.Web.Platform;

// TRANSITION ONLY (issue 7): the sentence of a refusal that has no code yet, in English in both languages. Deleted
// with Crisis.Domain.LegacyRefusals.
internal sealed class LegacyTexts : PhraseTable
{
    public LegacyTexts()
    {
        Add(LegacyRefusals.Invalid, "{message}", "{message}");
        Add(LegacyRefusals.Forbidden, "{message}", "{message}");
        Add(LegacyRefusals.NotFound, "{message}", "{message}");
        Add(LegacyRefusals.Conflict, "{message}", "{message}");
        Add(LegacyRefusals.TooLarge, "{message}", "{message}");
    }
}
