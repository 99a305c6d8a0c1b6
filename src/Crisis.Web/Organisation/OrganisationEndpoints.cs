using Crisis.Web.Identity;
using Crisis.Web.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace Crisis.Web.Organisation;

public static class OrganisationEndpoints
{
    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrganisationService>();
        return builder;
    }

    /// <summary>Municipalities, functions and people: the Organisation part of the contract.</summary>
    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization().WithTags("Organisation");

        api.MapGet("/municipalities", async (OrganisationService org, CancellationToken ct) =>
            Results.Ok(await org.ListMunicipalitiesAsync(ct)));
        api.MapPost("/municipalities", async ([FromBody] CreateMunicipalityRequest? request, OrganisationService org, HttpContext http, CancellationToken ct) =>
        {
            var created = await org.AddMunicipalityAsync(http.Actor(), request?.Name, ct);
            return Results.Created($"/api/municipalities/{Uri.EscapeDataString(created.Name)}", created);
        });

        api.MapGet("/functions", async (OrganisationService org, CancellationToken ct) =>
            Results.Ok(await org.ListFunctionsAsync(ct)));
        api.MapPost("/functions", async ([FromBody] CreateFunctionRequest? request, OrganisationService org, HttpContext http, CancellationToken ct) =>
        {
            var created = await org.CreateFunctionAsync(http.Actor(), new NewFunction(request?.Code, request?.Name, request?.MinimumOnCall), ct);
            return Results.Created($"/api/functions/{created.Code}", created);
        });

        api.MapGet("/people", async (string? function, OrganisationService org, CancellationToken ct) =>
            Results.Ok(await org.ListPeopleAsync(function, ct)));
        api.MapGet("/people/{id:guid}", async (Guid id, OrganisationService org, CancellationToken ct) =>
            Results.Ok(await org.GetPersonAsync(id, ct)));
        api.MapPost("/people", async ([FromBody] CreatePersonRequest? request, OrganisationService org, HttpContext http, CancellationToken ct) =>
        {
            var created = await org.CreatePersonAsync(http.Actor(),
                new NewPerson(request?.Name, request?.Email, request?.Municipality, request?.Functions ?? []), ct);
            return Results.Created($"/api/people/{created.Id}", created);
        });
        return app;
    }
}
