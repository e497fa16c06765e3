namespace CareStream.Auth.Server;

/// <summary>Routes of the embedded server, relative to the issuer.</summary>
public static class AuthServerRoutes
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string Jwks = ".well-known/jwks";
    public const string Login = "account/login";
}
