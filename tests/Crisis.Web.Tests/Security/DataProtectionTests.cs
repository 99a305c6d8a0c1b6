using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Crisis.Web.Data;
using Crisis.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crisis.Web.Tests.Security;

/// <summary>Issue 11, point 7: with Crisis:DataProtection:Certificate the keys in the database are encrypted; without, they are not.</summary>
public sealed class DataProtectionTests
{
    [Fact]
    public async Task WithACertificate_TheStoredKeysAreEncrypted_AndLoginStillWorks()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"crisis-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=Crisis data protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, cert.Export(X509ContentType.Pfx, "geheim-test"));
        }
        try
        {
            await using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
            await using var app = new CrisisApp(database);
            await using var host = app.WithWebHostBuilder(b => b
                .UseSetting("Crisis:DataProtection:Certificate", pfx)
                .UseSetting("Crisis:DataProtection:CertificatePassword", "geheim-test"));

            var login = await host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/login");

            login.StatusCode.ShouldBe(HttpStatusCode.OK);
            await using var scope = host.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
            keys.ShouldNotBeEmpty();
            keys.ShouldAllBe(xml => xml!.Contains("EncryptedData") && !xml.Contains("<masterKey"));
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task WithoutACertificate_TheKeysAreStoredAsBefore()
    {
        await using var appHost = await SecurityHost.StartAsync();
        var (app, _, _) = appHost;

        (await SecurityHost.Client(app).GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var scope = app.Services.CreateAsyncScope();
        var keys = await scope.ServiceProvider.GetRequiredService<CrisisDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(xml => !xml!.Contains("EncryptedData"));
    }
}
