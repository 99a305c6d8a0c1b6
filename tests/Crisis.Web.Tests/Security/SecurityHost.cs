using System.Net;
using System.Text.RegularExpressions;
using Crisis.Web.Identity;
using Crisis.Web.Platform;
using Crisis.Web.Realtime;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Testing;

namespace Crisis.Web.Tests.Security;

/// <summary>A host on a fake clock with a counting password hasher and a public URL, and cookie logins done as a browser does them.</summary>
public static partial class SecurityHost
{
    public const string PublicUrl = "https://crisis.example.nl";
    public const string Password = "test-password-123";

    /// <summary>A started host; disposing it stops the host and removes the database it made (not one it was given).</summary>
    public sealed class Running(CrisisApp app, FakeClock clock, CountingHasher hasher, bool ownsDatabase) : IAsyncDisposable
    {
        public void Deconstruct(out CrisisApp App, out FakeClock Clock, out CountingHasher Hasher)
        {
            App = app;
            Clock = clock;
            Hasher = hasher;
        }

        public async ValueTask DisposeAsync()
        {
            await app.DisposeAsync();
            if (ownsDatabase)
            {
                await app.Database.DisposeAsync();
            }
        }
    }

    public static async Task<Running> StartAsync(TestDatabase? database = null, BusKind bus = BusKind.InMemory)
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 2, 8, 0));
        var hasher = new CountingHasher();
        var app = new CrisisApp(database ?? await TestDatabase.CreateAsync(DatabaseKind.Sqlite), bus, services: s =>
        {
            s.AddSingleton<IClock>(clock);
            s.AddSingleton<IPasswordHasher<CrisisUser>>(hasher);
            s.Configure<CrisisOptions>(o => o.PublicUrl = PublicUrl);
        });
        app.StartServer();
        return new Running(app, clock, hasher, database is null);
    }

    /// <summary>Logs in through the login form (with its antiforgery token); returns the Cookie header of the session.</summary>
    public static async Task<string> LoginAsync(CrisisApp app, TestUser user, string password = Password)
    {
        var (response, antiforgery) = await PostLoginAsync(app, user.Email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var auth = CookiesOf(response).SingleOrDefault(c => c.StartsWith(IdentityExtensions.CookieName + "=", StringComparison.Ordinal));
        auth.ShouldNotBeNull($"no login cookie; redirected to {response.Headers.Location}");
        return $"{auth}; {antiforgery}";
    }

    /// <summary>Posts the login form as a browser would; returns the answer and the antiforgery cookie.</summary>
    public static async Task<(HttpResponseMessage Response, string Antiforgery)> PostLoginAsync(CrisisApp app, string email, string password)
    {
        var client = Client(app);
        var page = await client.GetAsync("/login");
        var html = await page.Content.ReadAsStringAsync();
        var token = TokenField().Match(html).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        var antiforgery = CookiesOf(page).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email, ["password"] = password, ["returnUrl"] = "/", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        return (await client.SendAsync(request), antiforgery);
    }

    /// <summary>A client that keeps no cookies of its own and follows no redirects: the test says what it sends.</summary>
    public static HttpClient Client(CrisisApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static async Task<HttpResponseMessage> SendAsync(
        CrisisApp app, HttpMethod method, string path, string? cookie, HttpContent? content = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await Client(app).SendAsync(request);
    }

    /// <summary>A hub connection that signs in with the login cookie and sends <paramref name="origin"/>, as a browser does.</summary>
    public static HubConnection HubWithCookie(CrisisApp app, string cookie, string origin) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, CrisisHub.Path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var ws = app.Server.CreateWebSocketClient();
                    ws.ConfigureRequest = r =>
                    {
                        r.Headers["Cookie"] = cookie;
                        r.Headers["Origin"] = origin;
                    };
                    return await ws.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => CrisisJson.Configure(o.PayloadSerializerOptions))
            .Build();

    /// <summary>Completes when the connection closes (the server ended it).</summary>
    public static Task Closed(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    public static IEnumerable<string> CookiesOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : [];

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}

/// <summary>Identity's hasher, counting how often a password is checked against a hash.</summary>
public sealed class CountingHasher : IPasswordHasher<CrisisUser>
{
    private readonly PasswordHasher<CrisisUser> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(CrisisUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(CrisisUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
