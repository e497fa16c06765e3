using System.Text.RegularExpressions;

namespace CareStream.Ingestion.Registry;

/// <summary>Collects field errors of an ADT request as ProblemDetails' <c>errors</c> (field → messages).</summary>
internal sealed partial class AdtValidation
{
    private static readonly string[] Genders = ["male", "female", "other", "unknown"];

    private readonly Dictionary<string, string[]> _errors = [];

    public bool IsValid => _errors.Count == 0;

    public IDictionary<string, string[]> Errors => _errors;

    public AdtValidation Id(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"'{field}' is required.");
        }

        return FhirId().IsMatch(value) ? this : Add(field, $"'{field}' must be 1-64 characters of A-Z, a-z, 0-9, '-' and '.'.");
    }

    public AdtValidation Text(string field, string? value, int maxLength = 200) =>
        string.IsNullOrWhiteSpace(value) ? Add(field, $"'{field}' is required.")
        : value.Length > maxLength ? Add(field, $"'{field}' must be at most {maxLength} characters.")
        : this;

    public AdtValidation Gender(string field, string? value) =>
        value is not null && Genders.Contains(value, StringComparer.Ordinal) ? this
        : Add(field, $"'{field}' must be one of {string.Join(", ", Genders)} (FHIR administrative gender).");

    public AdtValidation BirthDate(string field, DateOnly? value, DateTimeOffset now) =>
        value is null ? Add(field, $"'{field}' is required (yyyy-MM-dd).")
        : value > DateOnly.FromDateTime(now.UtcDateTime) ? Add(field, $"'{field}' is in the future.")
        : this;

    public AdtValidation Effective(string field, DateTimeOffset? value) =>
        value is null ? Add(field, $"'{field}' is required (ISO 8601 with an offset, e.g. 2026-01-01T08:00:00Z).") : this;

    private AdtValidation Add(string field, string message)
    {
        _errors[field] = [.. _errors.GetValueOrDefault(field) ?? [], message];
        return this;
    }

    [GeneratedRegex("^[A-Za-z0-9\\-.]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex FhirId();
}
