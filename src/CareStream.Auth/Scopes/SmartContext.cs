namespace CareStream.Auth.Scopes;

/// <summary>The launch context a SMART scope is granted in (the part before the slash).</summary>
public enum SmartContext
{
    /// <summary><c>patient/</c>: only the patient in the token's launch context.</summary>
    Patient = 1,

    /// <summary><c>user/</c>: whatever the signed-in user may see (ward assignments apply on top).</summary>
    User = 2,

    /// <summary><c>system/</c>: a backend service with no user (device adapters, integrators).</summary>
    System = 3,
}
