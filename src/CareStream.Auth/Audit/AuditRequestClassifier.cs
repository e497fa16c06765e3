using Microsoft.AspNetCore.Http;

namespace CareStream.Auth.Audit;

/// <summary>
/// Decides from method and path alone (so 401, 403 and 404 answers are classified like successful ones) whether a
/// request touches patient data and what it is: every <c>/fhir</c> interaction except <c>/fhir/metadata</c>, the
/// clinician commands and limits under <c>/api/patients</c>, what-if, ADT and break-glass; and refused hub connections.
/// </summary>
internal static class AuditRequestClassifier
{
    private static readonly string[] Unaudited = ["metadata", ".well-known"];

    public static AuditTarget? Classify(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        var query = AuditQuery.Clean(request.QueryString.Value);
        var queried = AuditQuery.PatientId(request.Query["patient"]) ?? AuditQuery.PatientId(request.Query["subject"]);
        if (Under(path, "/fhir", out var fhir))
        {
            return fhir is [var first, ..] && Unaudited.Contains(first, StringComparer.OrdinalIgnoreCase)
                ? null
                : Fhir(request.Method, fhir, query, queried);
        }

        if (Under(path, "/api/patients", out var patients) && patients is [var patient, .. var rest])
        {
            var patientId = AuditQuery.PatientId(patient);
            return rest switch
            {
                ["alarms", var episode, var command] => new(AuditInteraction.Operation, "Flag", episode, patientId, query, command),
                [.., "history"] => new(AuditInteraction.History, "Patient", patientId, patientId, query, string.Join('/', rest)),
                [] => new(ByMethod(request.Method, AuditInteraction.Read), "Patient", patientId, patientId, query, null),
                _ => new(ByMethod(request.Method, AuditInteraction.Read), "Patient", patientId, patientId, query, string.Join('/', rest)),
            };
        }

        if (Under(path, "/api/alarms/what-if", out _))
        {
            return new(AuditInteraction.Operation, "Location", null, queried, query, "what-if");
        }

        if (Under(path, "/api/adt", out var adt))
        {
            return adt switch
            {
                ["devices", var device, var action] => new(AuditInteraction.Update, "Device", device, queried, query, action),
                ["beds", ..] => new(ByMethod(request.Method, AuditInteraction.Search), "Location", null, queried, query, "beds"),
                _ => new(ByMethod(request.Method, AuditInteraction.Search), "Encounter", null, queried, query, string.Join('/', adt)),
            };
        }

        if (Under(path, "/hubs", out var hub))
        {
            return new(AuditInteraction.Subscribe, "Location", null, null, null, "connect " + string.Join('/', hub), DeniedOnly: true);
        }

        if (Under(path, "/api/break-glass", out var breakGlass))
        {
            var id = breakGlass is [var only] ? only : null;
            return new(ByMethod(request.Method, id is null ? AuditInteraction.Search : AuditInteraction.Read), "Consent", id, queried, query, "break-glass");
        }

        return null;
    }

    private static AuditTarget Fhir(string method, string[] segments, string? query, string? queried)
    {
        var get = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        return segments switch
        {
            [] => new(get ? AuditInteraction.Search : AuditInteraction.Operation, "Bundle", null, queried, query, get ? null : "batch"),
            [var op] when op.StartsWith('$') => new(AuditInteraction.Operation, "Resource", null, queried, query, op),
            [var type] => new(get ? AuditInteraction.Search : ByMethod(method, AuditInteraction.Create), type, null, queried, query, null),
            [var type, "_search"] => new(AuditInteraction.Search, type, null, queried, query, null),
            [var type, "_history"] => new(AuditInteraction.History, type, null, queried, query, null),
            [var type, var op] when op.StartsWith('$') => new(AuditInteraction.Operation, type, null, queried, query, op),
            [var type, var id] => new(ByMethod(method, AuditInteraction.Read), type, id, PatientOf(type, id, queried), query, null),
            [var type, var id, "_history"] => new(AuditInteraction.History, type, id, PatientOf(type, id, queried), query, null),
            [var type, var id, "_history", var version] =>
                new(AuditInteraction.VRead, type, $"{id}/_history/{version}", PatientOf(type, id, queried), query, null),
            [var type, var id, var op] when op.StartsWith('$') => new(AuditInteraction.Operation, type, id, PatientOf(type, id, queried), query, op),
            [var type, var id, ..] => new(ByMethod(method, AuditInteraction.Read), type, id, PatientOf(type, id, queried), query, null),
        };
    }

    private static string? PatientOf(string type, string id, string? queried) =>
        type == "Patient" ? AuditQuery.PatientId(id) : queried;

    private static AuditInteraction ByMethod(string method, AuditInteraction get) =>
        HttpMethods.IsPost(method) ? AuditInteraction.Create
        : HttpMethods.IsPut(method) ? AuditInteraction.Update
        : HttpMethods.IsPatch(method) ? AuditInteraction.Patch
        : HttpMethods.IsDelete(method) ? AuditInteraction.Delete
        : get;

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or below it; the segments below it (unescaped).</summary>
    private static bool Under(string path, string prefix, out string[] segments)
    {
        segments = [];
        if (!path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || (path.Length > prefix.Length && path[prefix.Length] != '/'))
        {
            return false;
        }

        segments = path[prefix.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return true;
    }
}
