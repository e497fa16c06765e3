namespace CareStream.Bench.Connections;

/// <summary>Host memory with <see cref="Connections"/> dashboards connected, after a full GC.</summary>
public sealed record MemorySample(string Load, int Connections, long RssBytes, long ManagedHeapBytes, long FramesReceived);
