using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Crisis.Web.Incidents;

namespace Crisis.Web.Tests.Infrastructure;

/// <summary>Small helpers over HttpClient for the contract's calls, with assertions that show the body on failure.</summary>
public static class Api
{
    public static async Task<LogEntryDto> AppendAsync(this HttpClient client, Guid incidentId, string kind, string text, string? team = null, int? correctsSeq = null)
    {
        var response = await client.PostAsJsonAsync($"/api/incidents/{incidentId}/log", new { kind, text, team, correctsSeq }, Json.Options);
        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<LogEntryDto>(Json.Options))!;
    }

    /// <summary>The whole log after <paramref name="afterSeq"/>, following the pages' <c>Link: rel="next"</c>.</summary>
    public static async Task<IReadOnlyList<LogEntryDto>> LogAsync(this HttpClient client, Guid incidentId, int afterSeq = 0)
    {
        var all = new List<LogEntryDto>();
        string? url = $"/api/incidents/{incidentId}/log?afterSeq={afterSeq}";
        while (url is not null)
        {
            var response = await client.GetAsync(url);
            await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
            all.AddRange((await response.Content.ReadFromJsonAsync<List<LogEntryDto>>(Json.Options))!);
            url = NextLink(response);
        }
        return all;
    }

    /// <summary>The target of a <c>Link: &lt;…&gt;; rel="next"</c> header, or null.</summary>
    public static string? NextLink(HttpResponseMessage response, string rel = "next") =>
        response.Headers.TryGetValues("Link", out var links)
            ? links.Select(l => l.Split(';')).Where(p => p.Length > 1 && p[1].Trim() == $"rel=\"{rel}\"")
                .Select(p => p[0].Trim().TrimStart('<').TrimEnd('>')).FirstOrDefault()
            : null;

    public static async Task ShouldHaveStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new Shouldly.ShouldAssertException($"Expected {(int)expected} {expected} but got {(int)response.StatusCode} {response.StatusCode}: {body}");
        }
    }

    /// <summary>Asserts an RFC 7807 problem with the status and a detail that mentions <paramref name="detailContains"/>.</summary>
    public static async Task ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string? detailContains = null)
    {
        await response.ShouldHaveStatusAsync(status);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        doc.RootElement.GetProperty("status").GetInt32().ShouldBe((int)status);
        var detail = doc.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
        detail.ShouldNotBeNullOrWhiteSpace();
        if (detailContains is not null)
        {
            detail.ShouldContain(detailContains, Case.Insensitive);
        }
    }
}
