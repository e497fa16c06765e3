namespace CareStream.Auth.Server;

/// <summary>
/// The seeded demo users and clients of the embedded server. The passwords and the device secret are published in
/// the README for the synthetic demo only; <c>Auth:SeedDemoData=false</c> (or an external IdP) turns them off.
/// </summary>
public static class DemoIdentities
{
    public const string DashboardClientId = "carestream-dashboard";
    public const string DeviceAdapterClientId = "carestream-device-adapter";
    public const string DeviceAdapterSecret = "demo-device-adapter-secret";
    public const string IntegratorClientId = "carestream-integrator";

    /// <summary>Private key of the integrator client (demo only), created beside the server keys.</summary>
    public const string IntegratorKeyFile = "integrator-demo-key.pem";

    public static IReadOnlyList<DemoUser> Users { get; } =
    [
        new("usr-nurse-anna", "nurse.anna", "Anna Nurse (Ward 1)", "Demo-Nurse-1!", CareStreamRoles.Nurse, ["ward-1"]),
        new("usr-nurse-ben", "nurse.ben", "Ben Nurse (Ward 2)", "Demo-Nurse-2!", CareStreamRoles.Nurse, ["ward-2"]),
        new("usr-charge-carla", "charge.carla", "Carla Charge Nurse (Wards 1, 2)", "Demo-Charge-1!", CareStreamRoles.ChargeNurse, ["ward-1", "ward-2"]),
        new("usr-physician-dev", "dr.dev", "Dev Physician (Wards 1, 2)", "Demo-Physician-1!", CareStreamRoles.Physician, ["ward-1", "ward-2"]),
        new("usr-admin-eve", "admin.eve", "Eve Administrator", "Demo-Admin-1!", CareStreamRoles.Administrator, []),
    ];

    /// <summary>Scopes the dashboard may request (users never receive <c>system/</c> scopes).</summary>
    public static IReadOnlyList<string> DashboardScopes { get; } =
    [
        "openid", "profile", "fhirUser", "offline_access",
        "user/Patient.rs", "user/Observation.rs", "user/Encounter.rs", "user/Location.rs", "user/Device.rs", "user/Flag.rs",
        "user/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs",
        "user/AuditEvent.rs",
    ];

    public const string DeviceAdapterScope = "system/Observation.c";
    public const string IntegratorScope = "system/Observation.rs";

    public sealed record DemoUser(string Id, string UserName, string DisplayName, string Password, string Role, string[] WardIds);
}
