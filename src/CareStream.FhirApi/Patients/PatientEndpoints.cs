using CareStream.Domain;
using CareStream.FhirApi.Http;
using CareStream.Storage.Registry;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareStream.FhirApi.Patients;

/// <summary><c>GET /fhir/Patient</c> (list, keyset-paged) and <c>GET /fhir/Patient/{id}</c>.</summary>
public static class PatientEndpoints
{
    private const int PageSize = 100;

    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder fhir)
    {
        fhir.MapGet("/Patient", SearchAsync);
        fhir.MapGet("/Patient/{id}", ReadAsync);
        return fhir;
    }

    private static async Task<FhirResult> SearchAsync(HttpRequest request, RegistryQueries registry, CancellationToken cancellationToken)
    {
        var after = (string?)request.Query["_cursor"] is { Length: > 0 } cursor ? new PatientId(cursor) : (PatientId?)null;
        var patients = await registry.ListPatientsAsync(after, PageSize, cancellationToken);
        var baseUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{FhirApiExtensions.BasePath}";
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset };
        bundle.Link.Add(new Bundle.LinkComponent { Relation = "self", Url = baseUrl + "/Patient" });
        if (patients.Count == PageSize)
        {
            bundle.Link.Add(new Bundle.LinkComponent
            {
                Relation = "next",
                Url = baseUrl + "/Patient?_cursor=" + Uri.EscapeDataString(patients[^1].Patient.Value),
            });
        }

        foreach (var patient in patients)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/Patient/{patient.Patient.Value}",
                Resource = PatientMapper.ToFhir(patient),
                Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
            });
        }

        return new FhirResult(bundle);
    }

    private static async Task<FhirResult> ReadAsync(string id, RegistryQueries registry, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            throw FhirRequestException.NotFound("Patient", "?");
        }

        var patient = await registry.GetPatientAsync(new PatientId(id), cancellationToken)
            ?? throw FhirRequestException.NotFound("Patient", id);
        return new FhirResult(PatientMapper.ToFhir(patient));
    }
}
