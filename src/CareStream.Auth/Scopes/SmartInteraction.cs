namespace CareStream.Auth.Scopes;

/// <summary>The FHIR interaction a request performs, as far as scopes are concerned.</summary>
public enum SmartInteraction
{
    Create = 1,
    Read = 2,
    Update = 3,
    Delete = 4,
    Search = 5,
}
