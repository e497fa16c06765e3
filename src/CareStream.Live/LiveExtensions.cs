using CareStream.Auth.Validation;
using CareStream.Auth.Access;
using CareStream.Live.Access;
using CareStream.Live.Hubs;
using CareStream.Live.Relay;
using CareStream.Messaging;
using CareStream.Messaging.Registry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Live;

/// <summary>DI registration and endpoint mapping of the live role.</summary>
public static class LiveExtensions
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddRegistry();
        builder.Services.AddOptions<LiveOptions>().BindConfiguration(LiveOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSignalR(o => o.AddFilter<WardJoinAuditFilter>()); // audits ward joins when the host has the audit trail
        builder.Services.AddSingleton<LiveWardState>();
        // Hub joins are checked against the staff ward assignments (needs AddStorage() for the database).
        builder.Services.AddCareStreamWardAccess();
        builder.Services.AddSingleton<WardFollowers>();
        builder.Services.AddHostedService<WardAccessSweeper>();
        builder.Services.AddHostedService<WardPushWorker>();
        // System alarms of the rules role in this process (Kafka unreachable): pushed to all without Kafka.
        builder.Services.AddHostedService<SystemAlarmRelay>();
        // Each node sees every patient: its own group, starting at the latest offset (style guide section 11).
        var group = $"carestream-live-{Environment.MachineName.ToLowerInvariant()}-{Environment.ProcessId}";
        builder.Services.AddKafkaConsumer<VitalsRelay>(VitalsRelay.ConsumerName, topics => topics.Observations, o =>
        {
            o.Client["group.id"] = group;
            o.Client["auto.offset.reset"] = "latest";
            o.MaxBatchLatency = TimeSpan.Zero;
        });
        builder.Services.AddKafkaConsumer<AlarmRelay>(AlarmRelay.ConsumerName, topics => topics.Alerts, o =>
        {
            o.Client["group.id"] = group + "-alarms";
            // Alarms are few (about one per bed per hour): read the retained history so open alarms are in the
            // snapshot of a node that just started, not only those raised after it.
            o.Client["auto.offset.reset"] = "earliest";
            o.MaxBatchLatency = TimeSpan.Zero;
        });
        builder.Services.AddKafkaConsumer<ScoreRelay>(ScoreRelay.ConsumerName, topics => topics.PatientScores, o =>
        {
            o.Client["group.id"] = group + "-scores";
            // Compacted, one record per patient: read it all so a node that just started shows every current NEWS2.
            o.Client["auto.offset.reset"] = "earliest";
            o.MaxBatchLatency = TimeSpan.Zero;
        });
        builder.Services.AddKafkaConsumer<UnassociatedRelay>(UnassociatedRelay.ConsumerName, topics => topics.UnassociatedObservations, o =>
        {
            o.Client["group.id"] = group + "-unassociated";
            o.Client["auto.offset.reset"] = "latest";
            o.MaxBatchLatency = TimeSpan.Zero;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var stopping = endpoints.ServiceProvider.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        // Clinicians only; a connection is closed when its token expires (guide S13, A5): the client reconnects with
        // a fresh token from its accessTokenFactory and re-joins, which checks the ward again.
        var hub = endpoints.MapHub<WardHub>(WardHub.Path, o => o.CloseOnAuthenticationExpiration = true)
            .RequireAuthorization(CareStreamPolicies.Clinician);
        hub.Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = StoppingGate.Wrap(inner, stopping);
            }
        });
        return endpoints;
    }
}
