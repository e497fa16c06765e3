namespace CareStream.ArchitectureTests.Dependencies;

/// <summary>
/// The dependency table of style.md section 3, as (project, forbidden name prefix) pairs. A prefix matches a
/// reference with that exact name or any name below it ("Hl7" matches "Hl7.Fhir.R4"), case-sensitively so the
/// host assembly "carestream" never matches "CareStream.*".
/// </summary>
internal static class DependencyRules
{
    public const string Host = "carestream";

    public static readonly IReadOnlyList<string> Modules =
        ["CareStream.Ingestion", "CareStream.Recorder", "CareStream.Alerting", "CareStream.Notifications", "CareStream.Live", "CareStream.FhirApi", "CareStream.Simulator",
        "CareStream.Dashboard"];

    private const string EfCore = "Microsoft.EntityFrameworkCore";
    private const string AspNetCore = "Microsoft.AspNetCore";

    private static readonly string[] Libraries =
        ["CareStream.Domain", "CareStream.Rules", "CareStream.Fhir", "CareStream.Messaging", "CareStream.Storage", "CareStream.Auth"];

    /// <summary>Names no library or module may reference: the host and everything above the libraries.</summary>
    private static readonly string[] AboveLibraries = [Host, "CareStream.Host", .. Modules];

    private static readonly Dictionary<string, string[]> Forbidden = new()
    {
        ["CareStream.Domain"] = ["CareStream", Host, "Hl7", "Firely", "Confluent", EfCore, AspNetCore, "Npgsql", "Microsoft.Extensions"],
        ["CareStream.Rules"] =
        [
            "CareStream.Fhir", "CareStream.Messaging", "CareStream.Storage", "CareStream.Auth", .. AboveLibraries,
            "Hl7", "Firely", "Confluent", EfCore, AspNetCore, "Npgsql",
        ],
        ["CareStream.Fhir"] =
            ["CareStream.Messaging", "CareStream.Storage", "CareStream.Auth", .. AboveLibraries, "Confluent", EfCore, AspNetCore, "Npgsql"],
        ["CareStream.Messaging"] = ["CareStream.Storage", "CareStream.Auth", .. AboveLibraries, EfCore, AspNetCore, "Npgsql"],
        ["CareStream.Storage"] = ["CareStream.Messaging", .. AboveLibraries, "Confluent", AspNetCore, "CareStream.Auth"],
        // Identity is a library the modules share (policies, scope evaluator, audit); it knows no module and no Kafka.
        ["CareStream.Auth"] = ["CareStream.Messaging", .. AboveLibraries, "Confluent"],
        // A module (other modules come from the Modules loop below). Storage only through its query/writer types
        // (limit-change audit, what-if history) in the API endpoints; never EF Core or Npgsql directly.
        ["CareStream.Alerting"] = [EfCore, "Npgsql"],
        // Static UI: it reads only what the hub and the FHIR API expose, over HTTP, never their libraries.
        ["CareStream.Dashboard"] =
            ["CareStream.Domain", "CareStream.Fhir", "CareStream.Messaging", "CareStream.Storage", "Hl7", "Confluent", EfCore, "Npgsql"],
    };

    /// <summary>Every project under src/ that has a rule; the host is deliberately free.</summary>
    public static IEnumerable<string> Covered => [.. Libraries, .. Modules, "CareStream.Host"];

    public static TheoryData<string, string> Table
    {
        get
        {
            var table = new TheoryData<string, string>();
            foreach (var (project, names) in Forbidden)
            {
                foreach (var name in names)
                {
                    table.Add(project, name);
                }
            }

            foreach (var module in Modules)
            {
                foreach (var name in AboveLibraries.Where(n => n != module))
                {
                    table.Add(module, name);
                }
            }

            return table;
        }
    }

    public static bool Matches(string reference, string forbidden) =>
        reference.Equals(forbidden, StringComparison.Ordinal)
        || reference.StartsWith(forbidden + ".", StringComparison.Ordinal);
}
