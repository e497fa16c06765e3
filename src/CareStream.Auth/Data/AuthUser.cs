namespace CareStream.Auth.Data;

/// <summary>
/// A staff account of the embedded server. <see cref="Id"/> becomes the token's unique <c>sub</c> (HIPAA unique user
/// identification: no shared ward logins). Ward assignments live here, server-side; tokens only name the user.
/// </summary>
public sealed class AuthUser
{
    public required string Id { get; init; }

    public required string UserName { get; init; }

    public required string DisplayName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public string[] WardIds { get; set; } = [];

    public bool Enabled { get; set; } = true;
}
