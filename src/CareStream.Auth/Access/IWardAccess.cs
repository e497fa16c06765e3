using System.Security.Claims;

namespace CareStream.Auth.Access;

/// <summary>
/// Answers which wards an authenticated caller may see. REST (FhirApi query predicates, 404 for a foreign resource)
/// and SignalR (hub group joins, re-checked on reconnect) ask the same service, so the two cannot disagree.
/// </summary>
public interface IWardAccess
{
    ValueTask<WardScope> ScopeOfAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
