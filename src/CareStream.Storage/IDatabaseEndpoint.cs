namespace CareStream.Storage;

/// <summary>Where the database is. Reading <see cref="ConnectionString"/> starts the embedded cluster if needed.</summary>
public interface IDatabaseEndpoint
{
    string ConnectionString { get; }

    bool IsEmbedded { get; }
}
