using CareStream.Domain.Vitals;
using CareStream.FhirApi.Http;
using Microsoft.AspNetCore.Http;
using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;

namespace CareStream.FhirApi.Observations;

/// <summary>
/// Which verifications a clinician may make (ADR adr-2611-observation-verification): preliminary → final, and any
/// status other than entered-in-error → entered-in-error with a reason. entered-in-error is final; a value change
/// (amended) is a new reading from the device, not a verification.
/// </summary>
public static class StatusTransitions
{
    public const int MaxReasonLength = 1_000;

    /// <summary>Throws a 422 OperationOutcome when <paramref name="from"/> → <paramref name="to"/> is not allowed.</summary>
    public static void Check(ObservationStatus from, string? currentReason, ObservationStatus to, string? reason)
    {
        if (from == to && reason == currentReason)
        {
            return; // nothing changes (an identical repeat of a verification is not an error)
        }

        if (from == ObservationStatus.EnteredInError)
        {
            throw Unprocessable("An entered-in-error Observation cannot change status again.");
        }

        if (to == ObservationStatus.EnteredInError)
        {
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw Unprocessable("entered-in-error needs a reason in note[0].text.");
            }

            if (reason.Length > MaxReasonLength)
            {
                throw Unprocessable($"The reason may have at most {MaxReasonLength} characters.");
            }

            return;
        }

        if (reason is not null)
        {
            throw Unprocessable("A note (reason) is kept only with entered-in-error.");
        }

        if (to != ObservationStatus.Final || from != ObservationStatus.Preliminary)
        {
            throw Unprocessable($"A verification changes preliminary to final or to entered-in-error, not {Name(from)} to {Name(to)}.");
        }
    }

    public static FhirRequestException Unprocessable(string message) =>
        new(StatusCodes.Status422UnprocessableEntity, OperationOutcome.IssueType.BusinessRule, message);

    private static string Name(ObservationStatus status) => status switch
    {
        ObservationStatus.Preliminary => "preliminary",
        ObservationStatus.Final => "final",
        ObservationStatus.Amended => "amended",
        _ => "entered-in-error",
    };
}
