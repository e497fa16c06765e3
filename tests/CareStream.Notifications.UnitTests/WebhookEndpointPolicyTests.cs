using System.Net;
using CareStream.Storage.Notifications;

namespace CareStream.Notifications.UnitTests;

public sealed class WebhookEndpointPolicyTests
{
    [Theory]
    [InlineData("https://pager.hospital.example/fhir")]
    [InlineData("http://127.0.0.1:5099/hook")]
    [InlineData("http://localhost:8080/hook")]
    [InlineData("http://[::1]:8080/hook")]
    public void GivenHttpsOrLoopbackHttp_WhenValidated_ThenAccepted(string endpoint)
    {
        var error = WebhookEndpointPolicy.Validate(endpoint);

        Assert.Null(error);
    }

    [Theory]
    [InlineData("http://pager.hospital.example/hook", "https")]
    [InlineData("https://169.254.169.254/latest/meta-data", "link-local")]
    [InlineData("https://[fe80::1]/hook", "link-local")]
    [InlineData("https://0.0.0.0/hook", "link-local")]
    [InlineData("https://user:pw@pager.example/hook", "user info")]
    [InlineData("ftp://pager.example/hook", "https")]
    [InlineData("file:///etc/passwd", "https")]
    [InlineData("/relative/hook", "absolute")]
    [InlineData("", "absolute")]
    public void GivenUnsafeEndpoint_WhenValidated_ThenRefused(string endpoint, string reason)
    {
        var error = WebhookEndpointPolicy.Validate(endpoint);

        Assert.NotNull(error);
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.254.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("224.0.0.1", true)]
    [InlineData("255.255.255.255", true)]
    [InlineData("fe80::1", true)]
    [InlineData("fd00:ec2::254", true)]
    [InlineData("::ffff:169.254.169.254", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("2001:db8::1", false)]
    public void GivenAddress_WhenCheckedAtConnectTime_ThenLinkLocalAndMetadataAreForbidden(string address, bool forbidden)
    {
        var result = WebhookEndpointPolicy.IsForbiddenAddress(IPAddress.Parse(address));

        Assert.Equal(forbidden, result);
    }
}
