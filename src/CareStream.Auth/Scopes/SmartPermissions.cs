namespace CareStream.Auth.Scopes;

/// <summary>SMART v2 permission letters <c>c r u d s</c>, in that canonical order.</summary>
[Flags]
public enum SmartPermissions
{
    None = 0,
    Create = 1,
    Read = 2,
    Update = 4,
    Delete = 8,
    Search = 16,
    All = Create | Read | Update | Delete | Search,
}
