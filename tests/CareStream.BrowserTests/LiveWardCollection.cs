namespace CareStream.BrowserTests;

[CollectionDefinition(Name)]
public sealed class LiveWardCollection : ICollectionFixture<LiveWardFixture>
{
    public const string Name = "Live ward";
}
