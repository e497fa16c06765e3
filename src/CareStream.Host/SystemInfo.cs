namespace CareStream.Host;

/// <summary>The body of <c>GET /api/system</c>: what this process is and what it talks to. No patient data.</summary>
public sealed record SystemInfo(
    string Version,
    IReadOnlyList<string> Roles,
    KafkaInfo Kafka,
    DatabaseInfo Database);

/// <summary>Kafka connection facts; <see cref="Embedded"/> is true for the in-process development broker.</summary>
public sealed record KafkaInfo(string BootstrapServers, bool Embedded);

/// <summary>Database mode: <c>embedded</c> (private PostgreSQL) or <c>external</c>.</summary>
public sealed record DatabaseInfo(string Mode);
