using Crisis.Domain;

namespace Crisis.Web.Platform;

/// <summary>Where a login may send the browser back to: a path of this site, never another site and never junk.</summary>
public static class LocalUrls
{
    /// <summary>
    /// <paramref name="returnUrl"/> when it is a local path (<c>/incidents/…</c>) without control characters, white space
    /// or invisible characters that a browser would strip (<c>/\t/evil.example</c> is <c>//evil.example</c> to it);
    /// otherwise <c>/</c>. Never throws, so that <c>LocalRedirect</c> never sees a URL it refuses.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2048 || returnUrl[0] != '/')
        {
            return "/";
        }
        if (returnUrl.Length > 1 && returnUrl[1] is '/' or '\\')
        {
            return "/";
        }
        foreach (var c in returnUrl)
        {
            if (char.IsControl(c) || TextRules.IsInvisible(c) || char.IsSurrogate(c) || c == '\\')
            {
                return "/";
            }
        }
        return returnUrl;
    }
}
