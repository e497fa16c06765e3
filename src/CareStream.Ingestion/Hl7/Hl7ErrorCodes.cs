namespace CareStream.Ingestion.Hl7;

/// <summary>HL7 table 0357 (message error condition codes) as used in ERR-3.</summary>
public static class Hl7ErrorCodes
{
    public const int SegmentSequenceError = 100;
    public const int RequiredFieldMissing = 101;
    public const int DataTypeError = 102;
    public const int TableValueNotFound = 103;
    public const int UnsupportedMessageType = 200;
    public const int UnsupportedEventCode = 201;
    public const int UnsupportedVersionId = 203;
    public const int DuplicateKey = 205;
    public const int ApplicationInternalError = 207;

    /// <summary>The table's text for <paramref name="code"/>.</summary>
    public static string Text(int code) => code switch
    {
        SegmentSequenceError => "Segment sequence error",
        RequiredFieldMissing => "Required field missing",
        DataTypeError => "Data type error",
        TableValueNotFound => "Table value not found",
        UnsupportedMessageType => "Unsupported message type",
        UnsupportedEventCode => "Unsupported event code",
        UnsupportedVersionId => "Unsupported version id",
        DuplicateKey => "Duplicate key identifier",
        _ => "Application internal error",
    };
}
