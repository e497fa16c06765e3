using System.ComponentModel.DataAnnotations;
using System.Net;

namespace CareStream.Ingestion.Hl7;

/// <summary>The IHE PCD-01 MLLP listener (section <c>Ingestion:Mllp</c>).</summary>
public sealed class MllpOptions : IValidatableObject
{
    public const string SectionName = "Ingestion:Mllp";

    /// <summary><c>Ingestion:Mllp:Enabled</c>: run the listener in the ingest role (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary><c>Ingestion:Mllp:Port</c>: TCP port (default 2575, the IANA HL7 port; 0 picks a free port).</summary>
    [Range(0, 65535, ErrorMessage = "Ingestion:Mllp:Port must be between 0 and 65535.")]
    public int Port { get; set; } = 2575;

    /// <summary><c>Ingestion:Mllp:BindAddress</c>: the address to listen on (default loopback; device networks set theirs).</summary>
    [Required(ErrorMessage = "Ingestion:Mllp:BindAddress is required.")]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary><c>Ingestion:Mllp:MaxFrameBytes</c>: larger frames are answered AR and discarded (default 1 MiB).</summary>
    [Range(1024, 16 * 1024 * 1024, ErrorMessage = "Ingestion:Mllp:MaxFrameBytes must be between 1 KiB and 16 MiB.")]
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary><c>Ingestion:Mllp:MaxConnections</c>: concurrent connections; more are closed at once (default 64).</summary>
    [Range(1, 10_000, ErrorMessage = "Ingestion:Mllp:MaxConnections must be between 1 and 10000.")]
    public int MaxConnections { get; set; } = 64;

    /// <summary><c>Ingestion:Mllp:IdleTimeout</c>: a connection without a complete frame for this long is closed (default 5 min).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Ingestion:Mllp:IdleTimeout must be between 1 s and 1 h.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Ingestion:Mllp:PublishTimeout</c>: how long to wait for Kafka acks before answering AR (transient) so the
    /// gateway retries (default 10 s; a late delivery then becomes a harmless duplicate, as ids are deterministic).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00", ErrorMessage = "Ingestion:Mllp:PublishTimeout must be between 100 ms and 5 min.")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <c>Ingestion:Mllp:AllowedClients</c>: IP addresses or CIDR ranges (<c>10.20.0.0/16</c>, <c>fd00::/8</c>) of the
    /// device gateways that may connect; others are closed before a byte is read. Empty (the default) means loopback
    /// only (<c>127.0.0.0/8</c>, <c>::1</c>), which suits the embedded demo. MLLP has no authentication of its own.
    /// </summary>
    public IList<string> AllowedClients { get; } = [];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult("Ingestion:Mllp:BindAddress must be an IP address (e.g. 127.0.0.1, 0.0.0.0, ::).", [nameof(BindAddress)]);
        }

        foreach (var entry in AllowedClients)
        {
            if (!MllpClientAllowList.TryParseNetwork(entry, out _))
            {
                yield return new ValidationResult(
                    $"Ingestion:Mllp:AllowedClients entry '{entry}' is not an IP address or CIDR range (e.g. 10.20.0.0/16).", [nameof(AllowedClients)]);
            }
        }
    }
}
