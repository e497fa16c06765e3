namespace CareStream.Auth;

/// <summary>Claim types in CareStream access tokens (JWT names; inbound mapping is off).</summary>
public static class CareStreamClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";
    public const string Name = "name";
}
