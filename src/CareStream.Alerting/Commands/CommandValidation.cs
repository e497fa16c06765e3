using System.Text.RegularExpressions;

namespace CareStream.Alerting.Commands;

/// <summary>Collects field errors of a command request as ProblemDetails' <c>errors</c> (field → messages).</summary>
internal sealed partial class CommandValidation
{
    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public CommandValidation Id(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"'{field}' is required.")
        : FhirId().IsMatch(value) ? this
        : Add(field, $"'{field}' must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'.");

    public CommandValidation Actor(string field, string? value) =>
        value is null || ActorId().IsMatch(value) ? this
        : Add(field, $"'{field}' must be 1-64 characters of A-Z, a-z, 0-9, '-', '.', '_' and '@' (a staff id, not a name).");

    public CommandValidation Check(bool valid, string field, string message) => valid ? this : Add(field, message);

    private CommandValidation Add(string field, string message)
    {
        _errors[field] = [.. _errors.GetValueOrDefault(field) ?? [], message];
        return this;
    }

    [GeneratedRegex("^[A-Za-z0-9\\-.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();

    [GeneratedRegex("^[A-Za-z0-9\\-._@]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex ActorId();
}
