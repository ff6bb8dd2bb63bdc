package net.cdapkit.benchmarks.client;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.micrometer.MicrometerEventListener;
import net.cdapkit.opentelemetry.OpenTelemetryEventListener;

/**
 * The event listeners of the observability variants. The methods return the SDK's own type, so that
 * {@link SdkConfig} loads Micrometer and OpenTelemetry only when such a variant runs (the
 * cold-start and batch processes run without their jars).
 */
public final class ObservabilityListeners {
  private ObservabilityListeners() {}

  /** A listener that overrides nothing, so that the SDK tells it of every event. */
  public static CdapEventListener noop() {
    return new CdapEventListener() {};
  }

  /**
   * The Micrometer listener on a {@link SimpleMeterRegistry}, and the OpenTelemetry listener on an
   * SDK that samples every trace and hands each span to a batch processor, as a partner's
   * production set-up would; the exporter drops the spans, so that the figure is the SDK side's.
   */
  public static CdapEventListener micrometerAndOtel() {
    OpenTelemetrySdk otel =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(BatchSpanProcessor.builder(new DroppingExporter()).build())
                    .build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    return CdapEventListener.composite(
        List.of(
            MicrometerEventListener.create(new SimpleMeterRegistry()),
            OpenTelemetryEventListener.create(otel)));
  }

  /** Accepts spans and keeps none. */
  private static final class DroppingExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
