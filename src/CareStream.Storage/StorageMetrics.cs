using System.Diagnostics.Metrics;

namespace CareStream.Storage;

/// <summary>Instruments of the <c>CareStream.Storage</c> meter.</summary>
public sealed class StorageMetrics
{
    public const string MeterName = "CareStream.Storage";

    private readonly Counter<long> _rowsWritten;
    private readonly Counter<long> _duplicatesSkipped;
    private readonly Histogram<double> _batchDuration;

    public StorageMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _rowsWritten = meter.CreateCounter<long>("carestream.storage.rows_written", "{row}", "Observation rows inserted");
        _duplicatesSkipped = meter.CreateCounter<long>("carestream.storage.duplicates_skipped", "{row}", "Redelivered readings skipped");
        _batchDuration = meter.CreateHistogram<double>("carestream.storage.batch.duration", "s", "Duration of one committed batch write");
    }

    internal void BatchWritten(int readings, int inserted, TimeSpan duration)
    {
        _rowsWritten.Add(inserted);
        _duplicatesSkipped.Add(readings - inserted);
        _batchDuration.Record(duration.TotalSeconds);
    }
}
