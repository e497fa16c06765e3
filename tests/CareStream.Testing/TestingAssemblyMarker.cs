namespace CareStream.Testing;

/// <summary>Anchor for fixture discovery; the fixtures live beside it.</summary>
public static class TestingAssemblyMarker
{
}
