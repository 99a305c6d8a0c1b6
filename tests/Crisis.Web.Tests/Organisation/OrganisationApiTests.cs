using System.Net;
using System.Net.Http.Json;
using Crisis.Domain.Identity;
using Crisis.Web.Organisation;
using Crisis.Web.Tests.Infrastructure;

namespace Crisis.Web.Tests.Organisation;

/// <summary>Municipalities, the function catalogue and people: coordinators write, everyone signed in reads.</summary>
[Collection(HostsCollection.Name)]
public sealed class OrganisationApiTests(HostsFixture hosts)
{
    [Fact]
    public async Task FunctionCatalogue_StartsWithTheRegionalKeyFunctions()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var member = await app.CreateUserAsync(CrisisRole.Member);

        var functions = await app.ClientFor(member).GetFromJsonAsync<List<FunctionDto>>("/api/functions", Json.Options);

        // Other tests in this host add functions of their own; the key functions are always there.
        new[] { "AC-BZ", "HIN", "HOOFD-NAFASE", "HOOFD-OMGEVINGSZORG", "HOOFD-ONDERSTEUNING", "HOOFD-PUBLIEKE-ZORG", "OVD-BZ" }
            .ShouldBeSubsetOf(functions!.Where(f => f.Municipality is null).Select(f => f.Code));
        functions!.Where(f => f.Code == "OVD-BZ").ShouldHaveSingleItem().Name.ShouldBe("Officier van Dienst Bevolkingszorg");
    }

    [Fact]
    public async Task AddMunicipality_CreatesItsLocalAovPiketFunction()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var name = $"'s-Graveland {Guid.NewGuid():N}"[..20];

        var response = await client.PostAsJsonAsync("/api/municipalities", new { name }, Json.Options);
        var again = await client.PostAsJsonAsync("/api/municipalities", new { name }, Json.Options);
        var functions = await client.GetFromJsonAsync<List<FunctionDto>>("/api/functions", Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already exists");
        var aov = functions!.Single(f => f.Municipality == name);
        aov.Code.ShouldStartWith("AOV-S-GRAVELAND-");
        aov.MinimumOnCall.ShouldBe(1);
        (await client.GetFromJsonAsync<List<MunicipalityDto>>("/api/municipalities", Json.Options))!.ShouldContain(new MunicipalityDto(name));
    }

    [Fact]
    public async Task CreateFunction_ValidatesAndRefusesDuplicates()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var code = $"TEST-{Guid.NewGuid():N}"[..20].ToUpperInvariant();

        var created = await client.PostAsJsonAsync("/api/functions", new { code = code.ToLowerInvariant(), name = "Teamleider opvang", minimumOnCall = 2 }, Json.Options);
        var duplicate = await client.PostAsJsonAsync("/api/functions", new { code, name = "Nog eens" }, Json.Options);
        var badCode = await client.PostAsJsonAsync("/api/functions", new { code = "ovd bz!", name = "x" }, Json.Options);
        var badMinimum = await client.PostAsJsonAsync("/api/functions", new { code = "X-Y", name = "x", minimumOnCall = -1 }, Json.Options);
        var noName = await client.PostAsJsonAsync("/api/functions", new { code = "X-Z" }, Json.Options);

        await created.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var dto = (await created.Content.ReadFromJsonAsync<FunctionDto>(Json.Options))!;
        dto.Code.ShouldBe(code);
        dto.MinimumOnCall.ShouldBe(2);
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already exists");
        await badCode.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "not a valid function code");
        await badMinimum.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "minimumOnCall -1");
        await noName.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "name is required");
        var functions = await client.GetFromJsonAsync<List<FunctionDto>>("/api/functions", Json.Options);
        functions!.ShouldNotContain(f => f.Code == "X-Y" || f.Code == "X-Z");
    }

    [Fact]
    public async Task CreatePerson_JoinsThePoolsOfTheirFunctions()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var municipality = await AddMunicipalityAsync(client);
        var email = $"p-{Guid.NewGuid():N}@test.example";

        var response = await client.PostAsJsonAsync("/api/people",
            new { name = "Petra Piket", email, municipality, functions = new[] { "ovd-bz", "HIN" } }, Json.Options);
        var duplicate = await client.PostAsJsonAsync("/api/people",
            new { name = "Ander", email = email.ToUpperInvariant(), municipality, functions = Array.Empty<string>() }, Json.Options);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Created);
        var person = (await response.Content.ReadFromJsonAsync<PersonDto>(Json.Options))!;
        person.Functions.ShouldBe(["HIN", "OVD-BZ"]);
        response.Headers.Location!.ToString().ShouldBe($"/api/people/{person.Id}");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "already exists");
        var pool = await client.GetFromJsonAsync<List<PersonDto>>("/api/people?function=OVD-BZ", Json.Options);
        pool!.ShouldContain(p => p.Id == person.Id);
        (await client.GetFromJsonAsync<PersonDto>($"/api/people/{person.Id}", Json.Options))!.Email.ShouldBe(email);
    }

    public static TheoryData<string, string, string> BadPeople => new()
    {
        { "no name", """{"email":"a@b.example","municipality":"{M}","functions":[]}""", "name is required" },
        { "bad email", """{"name":"A","email":"not-an-email","municipality":"{M}","functions":[]}""", "not a valid email" },
        { "unknown municipality", """{"name":"A","email":"a@b.example","municipality":"Atlantis","functions":[]}""", "'Atlantis' is not a municipality" },
        { "unknown function", """{"name":"A","email":"a@b.example","municipality":"{M}","functions":["BRANDWEER"]}""", "Unknown function(s): BRANDWEER" },
        { "malformed", """{"name":""", "not valid JSON" },
    };

    [Theory, MemberData(nameof(BadPeople))]
    public async Task CreatePerson_BadInputIs400AndStoresNothing(string description, string body, string detail)
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var coordinator = await app.CreateUserAsync(CrisisRole.Coordinator);
        var client = app.ClientFor(coordinator);
        var municipality = await AddMunicipalityAsync(client);
        var before = (await client.GetFromJsonAsync<List<PersonDto>>("/api/people", Json.Options))!.Count;

        var response = await client.PostAsync("/api/people",
            new StringContent(body.Replace("{M}", municipality, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, detail);
        (await client.GetFromJsonAsync<List<PersonDto>>("/api/people", Json.Options))!.Count.ShouldBe(before, description);
    }

    [Fact]
    public async Task OnlyCoordinatorsChangeTheOrganisation_EveryoneSignedInReadsIt()
    {
        var app = await hosts.GetAsync(Topologies.Sqlite);
        var officer = await app.CreateUserAsync(CrisisRole.Officer);
        var viewer = await app.CreateUserAsync(CrisisRole.Viewer);
        var client = app.ClientFor(officer);

        await (await client.PostAsJsonAsync("/api/functions", new { code = "NOPE", name = "x" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/people", new { name = "x", email = "x@y.example", municipality = "x" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await client.PostAsJsonAsync("/api/municipalities", new { name = "Nergens" }, Json.Options)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await app.ClientFor(viewer).GetAsync("/api/people")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await app.ClientFor(viewer).GetAsync("/api/functions")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await app.ClientFor(null).GetAsync("/api/people")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        await (await app.ClientFor(viewer).GetAsync($"/api/people/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<string> AddMunicipalityAsync(HttpClient coordinator)
    {
        var name = $"Gemeente {Guid.NewGuid():N}"[..24];
        await (await coordinator.PostAsJsonAsync("/api/municipalities", new { name }, Json.Options)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        return name;
    }
}
