using CareStream.Domain;
using CareStream.Fhir.Canonical;
using CareStream.Messaging.Registry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareStream.Ingestion.Hl7;

/// <summary>
/// One PCD-01 message in, one ACK out: parse, map, cross-check the patient, publish every reading and wait for the
/// Kafka acks, then answer. Never throws for bad input; only cancellation (shutdown) escapes, and then no ACK is sent.
/// </summary>
/// <remarks>
/// ACK policy (HL7 original mode):
/// AA — every reading is durable on the ingress topic (a message with no readings at all, only containment rows, is AA too).
/// AE — some readings are durable and some OBX were rejected (ERR per OBX); or PID-3 names a patient other than the one
///      the registry associates with the device at the reading's time: then nothing is published (a reading under the
///      wrong patient is worse than a missing one). A device unknown to the registry is published: the normalizer
///      dead-letters unassociated readings with a reason.
/// AR — nothing accepted: unparseable, not ORU^R01, unsupported version, no MSH-10, no usable reading, or Kafka did not
///      acknowledge within <see cref="MllpOptions.PublishTimeout"/> (ERR-5 <c>Transient</c>: the gateway should resend;
///      a resend is harmless because downstream identity is deterministic).
/// </remarks>
public sealed class Pcd01MessageHandler(
    IDeviceObservationPublisher publisher,
    RegistryDirectory registry,
    TimeProvider time,
    IOptions<MllpOptions> options,
    ILogger<Pcd01MessageHandler> logger)
{
    /// <summary>Handles one unframed message.</summary>
    public async Task<Pcd01Outcome> HandleAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var parsed = Er7Parser.Parse(payload.Span, Er7Limits.Default with { MaxMessageBytes = options.Value.MaxFrameBytes });
        if (parsed.Message is not { } message)
        {
            var error = parsed.Error!;
            Log.MessageUnparseable(logger, error.Code, error.Segment);
            var header = Er7Parser.ParseHeader(payload.Span);
            return Answer(header, Hl7AckCode.AR, [new Hl7Error(error.Segment > 0 ? "MSH" : string.Empty, 1, 0,
                error.Code == Er7ErrorCode.TooLarge ? Hl7ErrorCodes.ApplicationInternalError : Hl7ErrorCodes.SegmentSequenceError,
                $"Parse{error.Code}", error.Reason)], 0);
        }

        var controlId = LogSafe(message.ControlId);
        try
        {
            var mapped = Pcd01Mapper.Map(message);
            if (mapped.Rejected || mapped.Observations.Count == 0)
            {
                var code = mapped.Errors.Count == 0 ? Hl7AckCode.AA : Hl7AckCode.AR;
                return Answer(message, code, mapped.Errors, 0, controlId);
            }

            if (FindPatientMismatch(mapped) is { } mismatch)
            {
                Log.PatientMismatch(logger, controlId, mismatch.Device.Value);
                return Answer(message, Hl7AckCode.AE, [.. mapped.Errors, new Hl7Error("PID", 1, 3, Hl7ErrorCodes.ApplicationInternalError,
                    "PatientMismatch", $"Device {mismatch.Device.Value} is associated with a different patient at the reading's time; nothing was published.")], 0, controlId);
            }

            if (!await PublishAsync(mapped.Observations, controlId, cancellationToken))
            {
                return Answer(message, Hl7AckCode.AR, [new Hl7Error(string.Empty, 0, 0, Hl7ErrorCodes.ApplicationInternalError,
                    "Transient", "The readings could not be made durable; resend the message.")], 0, controlId);
            }

            return Answer(message, mapped.Errors.Count == 0 ? Hl7AckCode.AA : Hl7AckCode.AE, mapped.Errors, mapped.Observations.Count, controlId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Host boundary: a defect must cost one message an AR, never the connection or the listener.
            Log.HandlerFailed(logger, ex, controlId);
            return Answer(message, Hl7AckCode.AR, [new Hl7Error(string.Empty, 0, 0, Hl7ErrorCodes.ApplicationInternalError,
                "InternalError", "The message could not be processed.")], 0, controlId);
        }
    }

    /// <summary>The AR for a frame that exceeded <paramref name="maxFrameBytes"/> and was discarded unread.</summary>
    public Pcd01Outcome RejectOversize(int maxFrameBytes) =>
        Answer(null, Hl7AckCode.AR, [new Hl7Error(string.Empty, 0, 0, Hl7ErrorCodes.ApplicationInternalError, "FrameTooLarge",
            $"The MLLP frame exceeds {maxFrameBytes} bytes and was discarded.")], 0);

    private Pcd01Observation? FindPatientMismatch(Pcd01MappingResult mapped)
    {
        if (mapped.PatientIds.Count == 0)
        {
            return null; // nothing to cross-check; the normalizer attributes by the registry alone
        }

        return mapped.Observations.FirstOrDefault(o =>
            registry.AssignmentAt(o.Device, o.EffectiveAt)?.Patient is PatientId associated && !mapped.PatientIds.Contains(associated.Value));
    }

    private async Task<bool> PublishAsync(IReadOnlyList<Pcd01Observation> observations, string controlId, CancellationToken cancellationToken)
    {
        var deliveries = observations.Select(o => publisher.PublishAsync(
            o.Device, DeviceObservationWriter.ToUtf8Bytes(o.Device, o.EffectiveAt, o.Status, o.Measurements.ToArray()), cancellationToken)).ToList();
        try
        {
            await Task.WhenAll(deliveries).WaitAsync(options.Value.PublishTimeout, time, cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.PublishFailed(logger, controlId, ex.GetType().Name, deliveries.Count(d => d.IsCompletedSuccessfully), deliveries.Count);
            return false;
        }
    }

    private Pcd01Outcome Answer(Hl7Message? message, Hl7AckCode code, IReadOnlyList<Hl7Error> errors, int published, string? controlId = null)
    {
        if (code == Hl7AckCode.AA)
        {
            Log.MessageAccepted(logger, controlId ?? string.Empty, published);
        }
        else
        {
            Log.MessageNotAccepted(logger, controlId ?? string.Empty, code, published, string.Join(',', errors.Select(e => e.ApplicationCode).Distinct()));
        }

        var ack = Hl7AckBuilder.Build(message, code, errors, NewControlId(), time.GetUtcNow());
        return new Pcd01Outcome(code, Hl7AckBuilder.ToBytes(ack), published);
    }

    private static string NewControlId() => Guid.NewGuid().ToString("N")[..20];

    // Control ids are sender-chosen: log at most 64 printable characters of them.
    private static string LogSafe(string controlId) =>
        new([.. controlId.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
