namespace CareStream.Live.Hubs;

/// <summary>
/// "Device sending without a patient" on a bed tile: a device placed at <see cref="Bed"/> publishes readings that
/// belong to nobody. Pushed with <see cref="Active"/> true when it appears and false when it clears (the bed's
/// patient readings arrive again, or no such event for <c>Live:UnassociatedMarkerTimeout</c>).
/// </summary>
/// <param name="Bed">Bed id (the tile).</param>
/// <param name="Device">The device id.</param>
/// <param name="LastEventAt">When this node last received the device's unassociated event.</param>
/// <param name="Active">True while the marker shows.</param>
public sealed record UnassociatedDeviceMarker(string Bed, string Device, DateTimeOffset LastEventAt, bool Active);
