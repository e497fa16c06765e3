using System.Security.Claims;
using CareStream.Auth.Validation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace CareStream.Auth.UnitTests.Validation;

public sealed class FhirReaderPolicyTests
{
    [Theory]
    [InlineData("nurse", "", true)]
    [InlineData("physician", "", true)]
    [InlineData("admin", "", true)]
    [InlineData("", "system/Observation.rs", true)]
    [InlineData("", "user/Patient.r", true)]
    [InlineData("", "system/*.s", true)]
    [InlineData("", "user/Observation.rs?category=vital-signs", true)]
    [InlineData("", "system/Observation.c", false)]
    [InlineData("", "patient/Observation.rs", false)]
    [InlineData("", "system/AuditEvent.rs", false)]
    [InlineData("visitor", "openid profile", false)]
    [InlineData("", "", false)]
    public async Task GivenRoleAndScopes_WhenFhirReaderEvaluated_ThenOnlyStaffOrUserAndSystemReadScopesPass(string role, string scopes, bool expected)
    {
        await using var services = new ServiceCollection().AddLogging().AddAuthorization(CareStreamPolicies.Configure).BuildServiceProvider();
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var claims = new List<Claim> { new(CareStreamClaims.Subject, "usr-test"), new(CareStreamClaims.Scope, scopes) };
        if (role.Length > 0)
        {
            claims.Add(new Claim(CareStreamClaims.Role, role));
        }

        var result = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer")), CareStreamPolicies.FhirReader);

        Assert.Equal(expected, result.Succeeded);
    }
}
