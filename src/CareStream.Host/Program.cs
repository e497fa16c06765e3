using CareStream.Alerting;
using CareStream.FhirApi;
using CareStream.Host;
using CareStream.Host.Commands;
using CareStream.Ingestion;
using CareStream.Live;
using CareStream.Messaging;
using CareStream.Notifications;
using CareStream.Recorder;
using CareStream.Simulator;
using CareStream.Storage;

// One binary, many roles: `carestream --roles all,simulator`, `carestream migrate`, `carestream simulate`.
switch (args)
{
    case ["migrate", .. var rest]:
        return await MigrateCommand.RunAsync(rest);
    case ["simulate", .. var rest]:
        return await SimulateCommand.RunAsync(rest);
}

var builder = WebApplication.CreateBuilder(args);
CareStream.Host.Roles.CareStreamRoles roles;
try
{
    roles = builder.AddCareStreamRoles();
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("carestream: cannot start: " + ex.Message);
    return 2;
}

builder.AddServiceDefaults();
builder.AddMessaging();                 // embedded mock cluster when no Kafka:BootstrapServers
if (roles.Store || roles.Api || roles.Notify || roles.Live || roles.Rules)
{
    builder.AddStorage();               // private PostgreSQL when no ConnectionStrings:CareStream; live reads ward access;
                                        // rules restores limit overrides from patient_limit_change
}

if (roles.Ingest)
{
    builder.AddIngestion();
}

if (roles.Store)
{
    builder.AddRecorder();
}

if (roles.Rules)
{
    builder.AddAlerting();
}

if (roles.Notify)
{
    builder.AddNotifications();       // FHIR rest-hook Subscriptions: signed deliveries, retry, DLQ, audit
}

if (roles.Live)
{
    builder.AddLive();
}

if (roles.Api)
{
    builder.AddFhirApi();
    builder.AddAlarmCommands();         // clinician commands → carestream.patient-commands.v1
}

if (roles.Simulator)
{
    builder.AddSimulator();
}

builder.AddCareStreamAuth(roles);     // bearer validation; embedded OpenIddict server with the api role

var app = builder.Build();
app.MapCareStream(roles);
try
{
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.IsExplained(ex))
{
    // A missing prerequisite or a bad setting: one line that names the fix, not a stack trace.
    await Console.Error.WriteLineAsync("carestream: cannot start: " + ex.Message);
    return 1;
}

/// <summary>Entry point, public so WebApplicationFactory can start the real host in tests.</summary>
public partial class Program;
