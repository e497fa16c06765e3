using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CareStream.Auth.UnitTests.Validation;

/// <summary>Mints valid and deliberately broken access tokens (guide S2 matrix).</summary>
internal static class TokenForge
{
    public static string Mint(
        SecurityKey key, string algorithm = SecurityAlgorithms.RsaSha256, string issuer = TestApiHost.Issuer,
        string audience = TestApiHost.Audience, DateTime? notBefore = null, DateTime? expires = null, string role = "nurse")
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            NotBefore = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            Subject = new ClaimsIdentity([new Claim("sub", "usr-test"), new Claim("role", role), new Claim("scope", "user/Observation.rs")]),
            SigningCredentials = new SigningCredentials(key, algorithm),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token: header <c>{"alg":"none"}</c>, the same claims, an empty signature.</summary>
    public static string Unsigned(string kid)
    {
        var now = DateTimeOffset.UtcNow;
        var header = $$"""{"alg":"none","typ":"JWT","kid":"{{kid}}"}""";
        var payload = $$"""{"iss":"{{TestApiHost.Issuer}}","aud":"{{TestApiHost.Audience}}","sub":"usr-test","nbf":{{now.AddMinutes(-1).ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(10).ToUnixTimeSeconds()}}}""";
        return $"{Base64UrlEncoder.Encode(header)}.{Base64UrlEncoder.Encode(payload)}.";
    }

    /// <summary>Algorithm confusion: HS256 with the server's public key bytes as the HMAC secret, and its kid.</summary>
    public static string HmacWithPublicKey(RsaSecurityKey publicKey)
    {
        var pem = publicKey.Rsa.ExportSubjectPublicKeyInfoPem();
        var secret = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(pem)) { KeyId = publicKey.KeyId };
        return Mint(secret, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>A key the server has never seen, optionally claiming the real key's kid.</summary>
    public static RsaSecurityKey StrangerKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };
}
