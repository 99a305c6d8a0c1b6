using System.Net;
using System.Security.Cryptography.X509Certificates;
using Crisis.Web.Platform;
using Crisis.Web.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.SignalR;

namespace Crisis.Web.Security;

public static class SecurityExtensions
{
    /// <summary>The credential check and its hub filter, forwarded headers from known proxies, and key encryption.</summary>
    public static WebApplicationBuilder AddCrisisSecurity(this WebApplicationBuilder builder, IDataProtectionBuilder dataProtection)
    {
        var services = builder.Services;
        services.AddSingleton<CredentialCheck>();
        services.AddSingleton<Identity.BearerTokenCache>();
        services.AddSingleton<HubConnectionRegistry>();
        services.AddSingleton<CredentialNotifier>();
        services.AddSingleton<CredentialHubFilter>();
        // The filter is added to Crisis's own hub with the others, in order, in PlatformExtensions.AddCrisisPlatform.

        var proxies = CrisisOptions.ListOf(builder.Configuration["Crisis:KnownProxies"]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // Only the configured proxies are believed (not even loopback by default); the Host header is never taken
            // from them: links are made from Crisis:PublicUrl.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });

        var certificate = builder.Configuration["Crisis:DataProtection:Certificate"];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            var cert = X509CertificateLoader.LoadPkcs12FromFile(certificate, builder.Configuration["Crisis:DataProtection:CertificatePassword"]);
            dataProtection.ProtectKeysWithCertificate(cert).UnprotectKeysWithAnyCertificate(cert);
        }
        return builder;
    }

    /// <summary>Forwarded headers (known proxies only) and the security headers: the first of the pipeline.</summary>
    public static WebApplication UseCrisisSecurityHeaders(this WebApplication app)
    {
        if (CrisisOptions.ListOf(app.Configuration["Crisis:KnownProxies"]).Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    /// <summary>The cross-site guard: after authentication (the antiforgery token belongs to the signed-in user).</summary>
    public static WebApplication UseCrossSiteGuard(this WebApplication app)
    {
        app.UseMiddleware<CrossSiteGuard>();
        return app;
    }
}
