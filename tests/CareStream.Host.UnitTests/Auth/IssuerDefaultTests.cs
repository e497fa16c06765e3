namespace CareStream.Host.UnitTests.Auth;

public sealed class IssuerDefaultTests
{
    [Theory]
    [InlineData(null, "http://127.0.0.1:5080/")]
    [InlineData("", "http://127.0.0.1:5080/")]
    [InlineData("http://127.0.0.1:41234", "http://127.0.0.1:41234/")]
    [InlineData("https://carestream.example.org;http://127.0.0.1:5080", "https://carestream.example.org/")]
    [InlineData("http://*:8080", "http://localhost:8080/")]
    [InlineData("http://+:80", "http://localhost/")]
    [InlineData("http://0.0.0.0:5080", "http://localhost:5080/")]
    public void GivenAUrlsSetting_WhenNoIssuerIsConfigured_ThenTheIssuerIsTheFirstUrlWithATrailingSlash(string? urls, string expected)
    {
        var issuer = AuthHostingExtensions.IssuerFor(urls);

        Assert.Equal(expected, issuer);
    }
}
