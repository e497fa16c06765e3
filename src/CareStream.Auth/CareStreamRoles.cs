namespace CareStream.Auth;

/// <summary>Staff roles carried in the <c>role</c> claim. Ward assignments stay server-side (guide S4), never in claims.</summary>
public static class CareStreamRoles
{
    public const string Nurse = "nurse";
    public const string ChargeNurse = "charge-nurse";
    public const string Physician = "physician";
    public const string Administrator = "admin";

    public static IReadOnlyList<string> Clinical { get; } = [Nurse, ChargeNurse, Physician];
}
