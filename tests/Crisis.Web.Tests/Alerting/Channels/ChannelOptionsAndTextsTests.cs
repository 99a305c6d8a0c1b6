using Crisis.Web.Alerting.Channels;
using NodaTime;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>The channels' configuration (parsed and checked at start-up) and what each message says.</summary>
public sealed class ChannelOptionsAndTextsTests
{
    [Theory]
    [InlineData("smtp://mail.example.nl", "mail.example.nl", 25, false, null, null)]
    [InlineData("smtps://mail.example.nl", "mail.example.nl", 465, true, null, null)]
    [InlineData("smtp://crisis:geheim@mail.example.nl:2525", "mail.example.nl", 2525, false, "crisis", "geheim")]
    [InlineData("smtps://alarm%40vrzz:p%40ss%3Aword@127.0.0.1:4650", "127.0.0.1", 4650, true, "alarm@vrzz", "p@ss:word")]
    public void SmtpUrl_IsParsed_WithTheCredentialsUrlDecoded(string url, string host, int port, bool tls, string? user, string? password)
    {
        SmtpEndpoint.TryParse(url, out var smtp).ShouldBeTrue();
        smtp.ShouldBe(new SmtpEndpoint(host, port, tls, user, password));
        smtp.ToString().ShouldNotContain(password ?? "\u0000");
    }

    [Theory]
    [InlineData("mail.example.nl")]
    [InlineData("http://mail.example.nl")]
    [InlineData("smtp://")]
    public void SmtpUrl_NotSmtp_IsRefusedAtStartUp(string url)
    {
        SmtpEndpoint.TryParse(url, out _).ShouldBeFalse();
        var failures = Validate(o => { o.Mail.Smtp = url; o.Mail.From = "alarmering@example.nl"; });
        failures.ShouldContain(f => f.StartsWith("Crisis:Mail:Smtp", StringComparison.Ordinal));
    }

    [Fact]
    public void Validation_NamesTheKeyThatIsWrong()
    {
        Validate(o => o.Mail.Smtp = "smtp://mail.example.nl").ShouldContain(f => f.StartsWith("Crisis:Mail:From", StringComparison.Ordinal));
        Validate(o => o.Webhook.Url = "https://gateway.example.nl/hook").ShouldContain(f => f.StartsWith("Crisis:Alerting:Webhook:Secret", StringComparison.Ordinal));
        Validate(o => { o.Webhook.Url = "gateway"; o.Webhook.Secret = "s"; }).ShouldContain(f => f.StartsWith("Crisis:Alerting:Webhook:Url", StringComparison.Ordinal));
        Validate(o => o.PublicUrl = "crisis.example.nl").ShouldContain(f => f.StartsWith("Crisis:PublicUrl", StringComparison.Ordinal));
        Validate(o => o.Push.PublicKey = VapidKeyPair.Generate().PublicKey).ShouldContain(f => f.Contains("Crisis:Push:PrivateKey", StringComparison.Ordinal));
        Validate(o => { o.Push.PublicKey = "abc"; o.Push.PrivateKey = "def"; }).ShouldContain(f => f.Contains("P-256", StringComparison.Ordinal));
        Validate(o => o.Push.VapidSubject = "crisis@example.nl").ShouldContain(f => f.StartsWith("Crisis:Push:VapidSubject", StringComparison.Ordinal));
        var pair = VapidKeyPair.Generate();
        Validate(o =>
        {
            o.Mail.Smtp = "smtps://mail.example.nl";
            o.Mail.From = "Crisis <alarmering@example.nl>";
            o.Webhook.Url = "https://gateway.example.nl/hook";
            o.Webhook.Secret = "s";
            o.PublicUrl = "https://crisis.example.nl";
            o.Push.PublicKey = pair.PublicKey;
            o.Push.PrivateKey = pair.PrivateKey;
        }).ShouldBeEmpty();
        Validate(_ => { }).ShouldBeEmpty();
    }

    [Fact]
    public void Links_AreAbsoluteWithAPublicUrl_AndTheVapidSubjectFallsBackToIt()
    {
        var id = Guid.NewGuid();
        var options = new AlertChannelOptions { PublicUrl = "https://crisis.example.nl/" };
        options.LinkTo(id).ShouldBe($"https://crisis.example.nl/incidenten/{id}/alarmering");
        options.LinkTo(null).ShouldBe("https://crisis.example.nl/alarmering");
        options.VapidSubject.ShouldBe("https://crisis.example.nl");
        new AlertChannelOptions().LinkTo(id).ShouldBe($"/incidenten/{id}/alarmering");
        new AlertChannelOptions().LinkTo(null).ShouldBe("/alarmering");
        new AlertChannelOptions { Mail = { From = "Crisis <alarmering@example.nl>" } }.VapidSubject.ShouldBe("mailto:alarmering@example.nl");
    }

    [Theory]
    [InlineData(false, false, "Brand Zuidhaven", "OVD-BZ", "Alarmering OVD-BZ: Brand Zuidhaven")]
    [InlineData(true, false, "OEFENING Brand Zuidhaven", "OVD-BZ", "OEFENING Alarmering OVD-BZ: Brand Zuidhaven")]
    [InlineData(false, true, "Proefalarm: antwoord zo snel als je kunt.", null, "Proefalarm: antwoord zo snel als je kunt.")]
    [InlineData(false, false, "Kom je?", null, "Alarmering: Kom je?")]
    public void Subject_SaysWhatAndAsWhat_OefeningOrProefalarmOnceAndFirst(bool exercise, bool test, string message, string? function, string subject)
    {
        var m = Message(exercise, test, message, function);

        m.Subject.ShouldBe(subject);
        m.Push.Title.ShouldBe(subject);
        var body = m.MailBody(DateTimeZoneProviders.Tzdb["Europe/Amsterdam"]);
        if (exercise)
        {
            body.ShouldStartWith("OEFENING");
        }
        if (test)
        {
            body.ShouldStartWith("Proefalarm");
        }
        body.ShouldContain("Gealarmeerd: 01-03-2027 09:00");
    }

    private static ChannelMessage Message(bool exercise, bool test, string message, string? function) => new(
        Guid.NewGuid(), Guid.NewGuid(), null, null, exercise, test, message, Guid.NewGuid(), "Jeroen Bakhuis", function,
        new OfficialContact("j.bakhuis@example.nl", null), 0, 1, AlertingHost.Start, "/alerts/x");

    private static List<string> Validate(Action<AlertChannelOptions> configure)
    {
        var options = new AlertChannelOptions();
        configure(options);
        var result = new AlertChannelOptionsValidation().Validate(null, options);
        return result.Failed ? result.Failures.ToList() : [];
    }
}
