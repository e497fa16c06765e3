using CareStream.Domain.Vitals;

namespace CareStream.Storage.Observations;

/// <summary>
/// One code-filter term of a history search: readings of <see cref="Kind"/> whose own MDC code is
/// <see cref="MdcCode"/>, or of any MDC code when it is <see cref="AnyMdc"/>.
/// </summary>
public readonly record struct KindCode(VitalSignKind Kind, int MdcCode = KindCode.AnyMdc)
{
    public const int AnyMdc = 0;
}
