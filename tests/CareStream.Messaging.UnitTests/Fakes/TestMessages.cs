using System.Text;
using Confluent.Kafka;

namespace CareStream.Messaging.UnitTests.Fakes;

public static class TestMessages
{
    public const string Topic = "carestream.observations.v1";

    public static ConsumeResult<string, byte[]> Create(int partition, long offset, string value, string key = "patient-1", Headers? headers = null) => new()
    {
        Topic = Topic,
        Partition = new Partition(partition),
        Offset = new Offset(offset),
        Message = new Message<string, byte[]>
        {
            Key = key, Value = Encoding.UTF8.GetBytes(value), Headers = headers ?? [], Timestamp = new Timestamp(1_700_000_000_000, TimestampType.CreateTime),
        },
    };
}
