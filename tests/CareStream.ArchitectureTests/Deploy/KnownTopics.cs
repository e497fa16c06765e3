using System.Reflection;

namespace CareStream.ArchitectureTests.Deploy;

/// <summary>
/// The topics deploy/ must declare: the architecture's table, plus any <c>carestream.*</c> name that a
/// <c>Topics</c> class in CareStream.Messaging declares as a constant or static value, so a topic added
/// in code without a manifest fails here.
/// </summary>
internal static class KnownTopics
{
    public const string Assignments = "carestream.assignments.v1";

    /// <summary>Topic names from architecture.md ("Topics").</summary>
    public static readonly IReadOnlyList<string> Documented =
    [
        "carestream.device-observations.v1",
        "carestream.observations.v1",
        "carestream.observations.dlq.v1",
        "carestream.alerts.v1",
        Assignments,
    ];

    public static IReadOnlyList<string> All => [.. Documented.Union(DeclaredInCode()).Order(StringComparer.Ordinal)];

    public static TheoryData<string> Theory => [.. All];

    private static IEnumerable<string> DeclaredInCode()
    {
        var messaging = Assembly.Load(new AssemblyName("CareStream.Messaging"));
        var topicTypes = messaging.GetTypes().Where(t => t.Name == "Topics");
        const BindingFlags Static = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;

        foreach (var type in topicTypes)
        {
            var fieldValues = type.GetFields(Static).Where(f => f.FieldType == typeof(string)).Select(f => f.GetValue(null));
            var propertyValues = type.GetProperties(Static)
                .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)
                .Select(p => p.GetValue(null));

            foreach (var value in fieldValues.Concat(propertyValues).OfType<string>())
            {
                if (value.StartsWith("carestream.", StringComparison.Ordinal))
                {
                    yield return value;
                }
            }
        }
    }
}
