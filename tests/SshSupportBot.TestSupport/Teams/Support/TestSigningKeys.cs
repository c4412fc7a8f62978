using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SshSupportBot.Tests.Teams.Support;

/// <summary>RSA keys made by the test, and tokens shaped like the Bot Connector's.</summary>
internal sealed class TestSigningKey
{
    public TestSigningKey(string keyId, params string[] endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
        Key = new RsaSecurityKey(Rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public string[] Endorsements { get; }

    public RSA Rsa { get; }

    public RsaSecurityKey Key { get; }

    public object ToJwk()
    {
        var p = Rsa.ExportParameters(false);
        return new
        {
            kty = "RSA",
            use = "sig",
            kid = KeyId,
            n = Base64UrlEncoder.Encode(p.Modulus),
            e = Base64UrlEncoder.Encode(p.Exponent),
            endorsements = Endorsements,
        };
    }

    public string Token(
        string audience = TokenDefaults.AppId,
        string issuer = "https://api.botframework.com",
        string serviceUrl = TokenDefaults.ServiceUrl,
        DateTime? expires = null,
        DateTime? notBefore = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (notBefore ?? now.AddMinutes(-1)),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The same claims, header "alg":"none" and no signature.</summary>
    public static string Unsigned(string keyId, string serviceUrl = TokenDefaults.ServiceUrl)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes($$"""{"alg":"none","typ":"JWT","kid":"{{keyId}}"}"""));
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
            $$"""{"iss":"https://api.botframework.com","aud":"{{TokenDefaults.AppId}}","serviceurl":"{{serviceUrl}}","nbf":{{now - 60}},"exp":{{now + 3600}}}"""));
        return header + "." + payload + ".";
    }

    /// <summary>A valid token whose payload was changed after signing (audience swapped).</summary>
    public static string Tampered(string token)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = payload.Replace("https://smba.trafficmanager.net/jp/", "https://attacker.example/");
        return parts[0] + "." + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(changed)) + "." + parts[2];
    }
}

internal static class TokenDefaults
{
    public const string AppId = "00000000-1111-2222-3333-444444444444";
    public const string ServiceUrl = "https://smba.trafficmanager.net/jp/";
}
