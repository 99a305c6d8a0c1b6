using System.Text.Json;
using Crisis.Domain;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Platform;

/// <summary>
/// The edge's half of <see cref="TextRules"/>: no string that reaches an API endpoint or a hub method holds a control
/// character. Query and route values are one line; strings in a JSON body or a hub argument may hold line breaks and
/// tabs (the features refuse them in one-line fields). A refusal is the 400 of <see cref="InputRefusals.ControlCharacter"/>
/// naming the field, before anything is read or stored.
/// </summary>
public static class InputGate
{
    /// <summary>Refuses API requests whose query, route values or JSON body hold a control character.</summary>
    public static IApplicationBuilder UseInputGate(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            foreach (var (key, values) in http.Request.Query)
            {
                TextRules.CheckCharacters(key, key, multiline: false);
                foreach (var value in values)
                {
                    TextRules.CheckCharacters(value, key, multiline: false);
                }
            }
            foreach (var (key, value) in http.Request.RouteValues)
            {
                if (value is string text)
                {
                    TextRules.CheckCharacters(text, key, multiline: false);
                }
            }
            if (http.Request.HasJsonContentType() && http.Request.ContentLength is not 0)
            {
                await CheckBodyAsync(http.Request, http.RequestAborted);
            }
        }
        await next(http);
    });

    private static async Task CheckBodyAsync(HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering(bufferThreshold: (int)RequestLimits.MaxBodyBytes);
        JsonDocument? document = null;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint says so with its own 400.
        }
        finally
        {
            request.Body.Position = 0;
        }
        using (document)
        {
            if (document is not null)
            {
                Check(document.RootElement, "");
            }
        }
    }

    /// <summary>Refuses a control character anywhere in a JSON value (names and strings), naming its path.</summary>
    public static void Check(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                TextRules.CheckCharacters(element.GetString(), path.Length == 0 ? "body" : path);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                    TextRules.CheckCharacters(property.Name, name, multiline: false);
                    Check(property.Value, name);
                }
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, $"{path}[{i++}]");
                }
                break;
        }
    }
}

/// <summary>
/// The hub's gate: every string in every argument of a hub method, checked like an API body before the method runs;
/// a refusal is a <see cref="HubException"/> carrying the status, the English message and the code, as the hub's own.
/// </summary>
public sealed class InputHubFilter(Phrasebook phrases) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        ArgumentNullException.ThrowIfNull(invocationContext);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            for (var i = 0; i < invocationContext.HubMethodArguments.Count; i++)
            {
                var argument = invocationContext.HubMethodArguments[i];
                var name = invocationContext.HubMethod.GetParameters() is { } ps && i < ps.Length ? ps[i].Name ?? $"arg{i}" : $"arg{i}";
                switch (argument)
                {
                    case null or Guid or int or long or bool or double or decimal:
                        break;
                    case string text:
                        TextRules.CheckCharacters(text, name);
                        break;
                    default:
                        InputGate.Check(JsonSerializer.SerializeToElement(argument, argument.GetType(), CrisisJson.Options), name);
                        break;
                }
            }
        }
        catch (RuleViolationException ex)
        {
            throw new HubException($"{ProblemMapping.StatusOf(ex.Kind)}: {phrases.English(ex.Phrase)} [{ex.Code}]");
        }
        return next(invocationContext);
    }
}
