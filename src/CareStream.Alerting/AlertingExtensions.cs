using CareStream.Alerting.Commands;
using CareStream.Alerting.Limits;
using CareStream.Alerting.Pipeline;
using CareStream.Alerting.Publishing;
using CareStream.Alerting.RuleSets;
using CareStream.Alerting.Tracking;
using CareStream.Alerting.WhatIf;
using CareStream.Messaging;
using CareStream.Messaging.Registry;
using CareStream.Storage.Alerts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CareStream.Alerting;

/// <summary>DI registration of the rules role.</summary>
public static class AlertingExtensions
{
    /// <summary>
    /// Registers the rules role: <see cref="AlertingOptions"/> (section <c>Alerting</c>, validated on start), the
    /// registry, ward rule sets, the alarm publisher, the tick worker and the <c>rules-evaluator</c> consumer of
    /// canonical observations (group <c>carestream-rules-evaluator</c>). Metrics: meter <see cref="AlertingTelemetry.MeterName"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlerting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMessaging();
        builder.AddRegistry();
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(PatientTrackers)))
        {
            return builder;
        }

        services.AddOptions<AlertingOptions>().BindConfiguration(AlertingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PatientTrackers>();
        services.TryAddSingleton<WardRuleSets>();
        services.AddSingleton<AlarmPublisher>();
        services.AddSingleton<PatientScorePublisher>();
        services.AddSingleton<AlarmStateRestorer>();
        services.AddSingleton<AuditedLimitOverrides>();
        services.AddSingleton<KafkaUnreachableMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<KafkaUnreachableMonitor>());
        // The tick worker starts first: it validates the rule-set files before any observation is evaluated.
        services.AddHostedService<AlarmTickWorker>();
        // One consumer over observations and patient commands; the range assignor gives this member the same
        // partition numbers of both topics (equal partition counts), so commands reach the tracker owning the patient.
        services.AddMultiTopicKafkaConsumer<AlertRulesConsumer>(
            AlertRulesConsumer.ConsumerName,
            topics => [topics.Observations, topics.PatientCommands],
            o =>
            {
                o.Client.TryAdd("partition.assignment.strategy", "range");
                // On the alarm path (p99 ≤ 50 ms): take what is already fetched, never wait to fill a batch (ADR adr-2611-alarm-path-batching).
                o.MaxBatchLatency = TimeSpan.Zero;
            });
        return builder;
    }

    /// <summary>
    /// The clinician command API (mapped by the api role): <see cref="PatientCommandPublisher"/> on the process's
    /// Kafka producer. Map the endpoints with <see cref="MapAlarmCommands"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAlarmCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddMessaging();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<PatientCommandPublisher>();
        // Limits and what-if need the ward rule sets and the patient's ward (registry), and the store's queries.
        builder.AddRegistry();
        if (!builder.Services.Any(d => d.ServiceType == typeof(WardRuleSets)))
        {
            builder.Services.AddOptions<AlertingOptions>().BindConfiguration(AlertingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton<WardRuleSets>();
        }

        builder.Services.AddAlarmStore();
        return builder;
    }

    /// <summary>
    /// Maps <c>/api/patients/{patientId}/alarms/{episodeId}/…</c>, <c>/api/patients/{patientId}/charting</c>,
    /// <c>/api/patients/{patientId}/limits</c> (+ <c>/history</c>) and <c>POST /api/alarms/what-if</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapAlarmCommands(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapAlarmCommandEndpoints();
        endpoints.MapPatientLimitsEndpoints();
        return endpoints.MapWhatIfEndpoints();
    }
}
