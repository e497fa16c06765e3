using CareStream.FhirApi.Http;

namespace CareStream.FhirApi.Search;

/// <summary>The <c>patient</c> / <c>subject</c> reference parameters of a patient-scoped search.</summary>
public static class PatientParameter
{
    /// <summary>
    /// The one patient id named by <c>patient</c> and/or <c>subject</c> (marked applied for the self link), or null when
    /// neither is present; 400 when they name different patients or a value is not a Patient reference.
    /// </summary>
    public static string? Parse(SearchParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string? patient = null;
        foreach (var name in new[] { "patient", "subject" })
        {
            foreach (var value in parameters.Values(name))
            {
                var id = FhirReference.ParseId(name, "Patient", value);
                if (patient is not null && patient != id)
                {
                    throw FhirRequestException.InvalidParameter(name, "names another patient than the search already does.");
                }

                patient = id;
                parameters.Applied(name, value);
            }
        }

        return patient;
    }
}
