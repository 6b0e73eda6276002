using System.Diagnostics;
using FaqBot.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FaqBot.Hosting;

/// <summary>
/// OpenTelemetry traces and metrics — FaqBot's own (<see cref="ReplyTelemetry"/>) and ASP.NET Core's requests —
/// exported over OTLP only when a collector is named by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with
/// <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>_HEADERS</c>, <c>OTEL_SERVICE_NAME</c>, <c>OTEL_BSP_SCHEDULE_DELAY</c> and
/// <c>OTEL_METRIC_EXPORT_INTERVAL</c>, as every OpenTelemetry SDK reads them). Without it nothing is sampled or sent.
/// No logs are exported: they stay where the host writes them.
/// </summary>
/// <remarks>
/// The settings are read when the providers are built, from the app's configuration (appsettings, environment, a test
/// host's settings), not while services are registered. Request spans carry the route template, never the path (it
/// holds conversation ids), the query (tokens) or the browser's user agent; the health probes are not traced.
/// </remarks>
internal static class TelemetrySetup
{
    /// <summary>The setting (or environment variable) that names the OTLP collector.</summary>
    public const string EndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The service name in the collector unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "faqbot";

    public static IServiceCollection AddFaqBotTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .WithTracing(tracing => ((IDeferredTracerProviderBuilder)tracing
                .AddAspNetCoreInstrumentation(options =>
                {
                    options.Filter = context => !context.Request.Path.StartsWithSegments(HealthEndpoints.LivenessPath)
                        && !context.Request.Path.StartsWithSegments(HealthEndpoints.ReadinessPath);
                    options.EnrichWithHttpResponse = (activity, response) => WithoutPatientDetails(activity, response.HttpContext);
                }))
                .Configure((provider, builder) =>
                {
                    if (Collector(provider) is not { } collector)
                    {
                        builder.SetSampler(new AlwaysOffSampler());
                        return;
                    }

                    builder.ConfigureResource(resource => resource.AddService(collector.ServiceName))
                        .AddSource(ReplyTelemetry.Name)
                        .AddProcessor(new BatchActivityExportProcessor(
                            new OtlpTraceExporter(collector.Options("traces")), scheduledDelayMilliseconds: collector.TraceDelayMilliseconds));
                }))
            .WithMetrics(metrics => ((IDeferredMeterProviderBuilder)metrics
                .AddAspNetCoreInstrumentation())
                .Configure((provider, builder) =>
                {
                    if (Collector(provider) is { } collector)
                    {
                        builder.ConfigureResource(resource => resource.AddService(collector.ServiceName))
                            .AddMeter(ReplyTelemetry.Name)
                            .AddReader(new PeriodicExportingMetricReader(
                                new OtlpMetricExporter(collector.Options("metrics")), collector.MetricIntervalMilliseconds));
                    }
                }));
        return services;
    }

    private static OtlpCollector? Collector(IServiceProvider provider)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        if (configuration[EndpointSetting] is not { Length: > 0 } endpoint)
        {
            return null;
        }

        return HttpAddress.TryAbsolute(endpoint, out var uri)
            ? new OtlpCollector(uri, configuration)
            : throw new InvalidSettingException($"{EndpointSetting} must be an absolute http(s) URL, not '{endpoint}'.");
    }

    /// <summary>The route template instead of the path; no query, no user agent.</summary>
    private static void WithoutPatientDetails(Activity activity, HttpContext context)
    {
        activity.SetTag("url.path", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)");
        activity.SetTag("url.query", null);
        activity.SetTag("user_agent.original", null);
    }

    /// <summary>The collector and the standard OTEL_* settings that shape the export to it.</summary>
    private sealed class OtlpCollector(Uri endpoint, IConfiguration configuration)
    {
        private readonly OtlpExportProtocol _protocol = configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] switch
        {
            null or "" or "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            var other => throw new InvalidSettingException($"OTEL_EXPORTER_OTLP_PROTOCOL must be grpc or http/protobuf, not '{other}'."),
        };

        public string ServiceName { get; } = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : TelemetrySetup.ServiceName;

        public int TraceDelayMilliseconds { get; } = Milliseconds(configuration, "OTEL_BSP_SCHEDULE_DELAY", 5000);

        public int MetricIntervalMilliseconds { get; } = Milliseconds(configuration, "OTEL_METRIC_EXPORT_INTERVAL", 60000);

        /// <summary>OTLP/HTTP posts each signal to its own path under the endpoint; gRPC takes the endpoint as it is.</summary>
        public OtlpExporterOptions Options(string signal) => new()
        {
            Endpoint = _protocol == OtlpExportProtocol.Grpc ? endpoint : new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/v1/{signal}"),
            Protocol = _protocol,
            Headers = configuration["OTEL_EXPORTER_OTLP_HEADERS"],
        };

        private static int Milliseconds(IConfiguration configuration, string key, int fallback) =>
            configuration[key] is not { Length: > 0 } value ? fallback
            : int.TryParse(value, out var milliseconds) && milliseconds > 0 ? milliseconds
            : throw new InvalidSettingException($"{key} must be a positive number of milliseconds, not '{value}'.");
    }
}
