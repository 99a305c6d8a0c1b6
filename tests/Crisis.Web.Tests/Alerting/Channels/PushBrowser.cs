using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Crisis.Web.Tests.Alerting.Channels;

/// <summary>
/// What a browser holds for one push subscription: its P-256 key pair and auth secret. It reads a push message as a
/// browser would: checks the VAPID signature (RFC 8292) and decrypts the aes128gcm payload (RFC 8291).
/// </summary>
public sealed class PushBrowser : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);

    public PushBrowser(string endpoint)
    {
        Endpoint = endpoint;
        var q = _key.ExportParameters(includePrivateParameters: false).Q;
        PublicPoint = [0x04, .. q.X!, .. q.Y!];
    }

    public string Endpoint { get; }
    public byte[] PublicPoint { get; }
    public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);

    /// <summary>The subscription as <c>PushSubscription.toJSON()</c> gives it.</summary>
    public object Subscription => new { endpoint = Endpoint, keys = new { p256dh = B64(PublicPoint), auth = B64(Auth) } };

    /// <summary>
    /// Checks the request's <c>Authorization: vapid t=…, k=…</c>: an ES256 JWT signed by <paramref name="serverKey"/>
    /// for the endpoint's origin, with a subject; returns the JWT's claims.
    /// </summary>
    public JsonElement VerifyVapid(LoopbackHttp.Request request, string serverKey)
    {
        var authorization = request.Header("Authorization").ShouldNotBeNull();
        authorization.ShouldStartWith("vapid ");
        var parameters = authorization["vapid ".Length..].Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        parameters["k"].ShouldBe(serverKey);
        var jwt = parameters["t"].Split('.');
        jwt.Length.ShouldBe(3);
        JsonDocument.Parse(FromB64(jwt[0])).RootElement.GetProperty("alg").GetString().ShouldBe("ES256");
        var point = FromB64(serverKey);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = point[1..33], Y = point[33..] },
        });
        verifier.VerifyData(Encoding.ASCII.GetBytes($"{jwt[0]}.{jwt[1]}"), FromB64(jwt[2]), HashAlgorithmName.SHA256)
            .ShouldBeTrue("the VAPID JWT is signed with the server's key");
        var claims = JsonDocument.Parse(FromB64(jwt[1])).RootElement.Clone();
        claims.GetProperty("aud").GetString().ShouldBe(new Uri(Endpoint).GetLeftPart(UriPartial.Authority));
        claims.GetProperty("sub").GetString().ShouldNotBeNullOrEmpty();
        claims.TryGetProperty("exp", out _).ShouldBeTrue();
        return claims;
    }

    /// <summary>Decrypts an aes128gcm body (RFC 8188 framing, RFC 8291 keys) addressed to this browser.</summary>
    public string Decrypt(LoopbackHttp.Request request)
    {
        request.Header("Content-Encoding").ShouldBe("aes128gcm");
        var body = request.Body;
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        int idLength = body[20];
        var serverPoint = body[21..(21 + idLength)];
        var record = body[(21 + idLength)..];
        idLength.ShouldBe(65);
        ((long)record.Length).ShouldBeLessThanOrEqualTo(recordSize);

        using var server = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = serverPoint[1..33], Y = serverPoint[33..] },
        });
        var shared = _key.DeriveRawSecretAgreement(server.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicPoint, .. serverPoint];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Auth, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[record.Length - 16];
        using (var aes = new AesGcm(cek, 16))
        {
            aes.Decrypt(nonce, record[..^16], record[^16..], plain);
        }
        // The last record ends with the delimiter 2, then any zero padding.
        var end = Array.FindLastIndex(plain, b => b != 0);
        plain[end].ShouldBe((byte)2);
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();

    private static string B64(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] FromB64(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
