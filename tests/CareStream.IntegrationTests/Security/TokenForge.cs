using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.IntegrationTests.Security;

/// <summary>
/// Deliberately broken access tokens (guide S2 matrix), ported from CareStream.Auth.UnitTests for the real host:
/// claims of an administrator, so only the broken part can make the host refuse them.
/// </summary>
internal static class TokenForge
{
    public static string Mint(SecurityKey key, string issuer, string audience, string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddMinutes(10),
            Subject = Administrator(),
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An unsigned token: header <c>{"alg":"none"}</c> with the real kid, valid claims, an empty signature.</summary>
    public static string Unsigned(string kid, string issuer, string audience)
    {
        var now = TimeProvider.System.GetUtcNow();
        var header = $$"""{"alg":"none","typ":"at+jwt","kid":"{{kid}}"}""";
        var payload = $$"""{"iss":"{{issuer}}","aud":"{{audience}}","sub":"usr-admin-eve","role":"admin","scope":"user/Observation.rs","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""";
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    /// <summary>Algorithm confusion: HS256 with the host's public key (PEM) as the HMAC secret, and its kid.</summary>
    public static string HmacWithPublicKey(RsaSecurityKey publicKey, string issuer, string audience)
    {
        var pem = publicKey.Rsa.ExportSubjectPublicKeyInfoPem();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(pem)) { KeyId = publicKey.KeyId };
        return Mint(secret, issuer, audience, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>A key the host has never seen, with <paramref name="kid"/> (the real one, or an unknown one).</summary>
    public static RsaSecurityKey StrangerKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    private static ClaimsIdentity Administrator() =>
        new([new Claim("sub", "usr-admin-eve"), new Claim("role", "admin"), new Claim("scope", "user/Observation.rs")]);
}
