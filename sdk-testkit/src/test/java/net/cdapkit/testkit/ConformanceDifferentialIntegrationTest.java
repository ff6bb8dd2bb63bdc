package net.cdapkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.cdapkit.testkit.internal.contract.ExchangeTap;
import net.cdapkit.testkit.internal.contract.OpenApiContract;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;
import org.junit.jupiter.api.Test;

/**
 * The kit's own contract checker graded against an independent one, Atlassian's
 * swagger-request-validator, on every exchange the integration suite produced (written by {@link
 * ExchangeTap} in the failsafe run before this one): for each request and each answer, both must
 * agree on valid or invalid. Any disagreement fails the build. Prints {@code conformance:
 * exchanges= disagreements=}.
 */
class ConformanceDifferentialIntegrationTest {
  private static final JsonAdapter<Map<String, Object>> EXCHANGE =
      new Moshi.Builder()
          .build()
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));

  @Test
  void everyRecordedExchange_gradedByBothValidators_getsTheSameVerdict() throws IOException {
    Path dir = Path.of(System.getProperty(ExchangeTap.PROPERTY, "target/exchanges"));
    List<Map<String, Object>> exchanges = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
          for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
              exchanges.add(EXCHANGE.fromJson(line));
            }
          }
        }
      }
    }
    // Each recorded exchange, then for the first of each operation and status an answer and a
    // request body emptied: both validators must also agree that a broken message is broken.
    List<Map<String, Object>> graded = new ArrayList<>(exchanges);
    java.util.Set<String> mutated = new java.util.HashSet<>();
    for (Map<String, Object> x : exchanges) {
      if (mutated.add(x.get("operation") + " " + x.get("status"))) {
        if (((String) x.get("responseBody")).startsWith("{")) {
          Map<String, Object> m = new java.util.HashMap<>(x);
          m.put("responseBody", "{}");
          graded.add(m);
        }
        if (((String) x.get("requestBody")).startsWith("{")) {
          Map<String, Object> m = new java.util.HashMap<>(x);
          m.put("requestBody", "{}");
          graded.add(m);
        }
      }
    }
    OpenApiContract ours = OpenApiContract.load();
    OpenApiInteractionValidator theirs = atlassian();
    List<String> disagreements =
        java.util.stream.IntStream.range(0, graded.size())
            .parallel()
            .mapToObj(i -> compare(i + 1, graded.get(i), ours, theirs))
            .flatMap(List::stream)
            .toList();

    System.out.printf(
        "conformance: exchanges=%d mutants=%d disagreements=%d%n",
        exchanges.size(), graded.size() - exchanges.size(), disagreements.size());
    assertThat(exchanges).as("exchanges recorded by the integration suite").isNotEmpty();
    assertThat(disagreements).isEmpty();
  }

  private static List<String> compare(
      int n, Map<String, Object> x, OpenApiContract ours, OpenApiInteractionValidator theirs) {
    List<String> disagreements = new ArrayList<>();
    Operation op = Operation.valueOf((String) x.get("operation"));
    SimRequest req = simRequest(x);
    SimResponse res = simResponse(x);
    List<ContractViolation> ourRequest = ours.checkRequest(op, req);
    ValidationReport theirRequest = theirs.validateRequest(atlassianRequest(x));
    if (ourRequest.isEmpty() == theirRequest.hasErrors()) {
      disagreements.add(
          "#"
              + n
              + " REQUEST "
              + op
              + ": ours "
              + verdict(ourRequest.isEmpty())
              + ", theirs "
              + verdict(!theirRequest.hasErrors())
              + keys(theirRequest)
              + " "
              + ourRequest);
    }
    List<ContractViolation> ourResponse = ours.checkResponse(op, res);
    ValidationReport theirResponse =
        theirs.validateResponse(
            (String) x.get("path"),
            Request.Method.valueOf((String) x.get("method")),
            atlassianResponse(x));
    if (ourResponse.isEmpty() == theirResponse.hasErrors()) {
      disagreements.add(
          "#"
              + n
              + " RESPONSE "
              + op
              + " "
              + res.status()
              + ": ours "
              + verdict(ourResponse.isEmpty())
              + ", theirs "
              + verdict(!theirResponse.hasErrors())
              + keys(theirResponse)
              + " "
              + ourResponse);
    }
    return disagreements;
  }

  private static String verdict(boolean ok) {
    return ok ? "valid" : "invalid";
  }

  /** The validator's message keys only: its messages quote values. */
  private static String keys(ValidationReport report) {
    return " " + report.getMessages().stream().map(ValidationReport.Message::getKey).toList();
  }

  private static OpenApiInteractionValidator atlassian() throws IOException {
    try (InputStream in =
        OpenApiContract.class.getClassLoader().getResourceAsStream(OpenApiContract.RESOURCE)) {
      String spec = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> headers(Map<String, Object> x, String name) {
    return (Map<String, String>) x.get(name);
  }

  private static SimRequest simRequest(Map<String, Object> x) {
    return new SimRequest(
        (String) x.get("method"),
        (String) x.get("path"),
        (String) x.get("query"),
        headers(x, "requestHeaders"),
        ((String) x.get("requestBody")).getBytes(StandardCharsets.UTF_8));
  }

  private static SimResponse simResponse(Map<String, Object> x) {
    return new SimResponse(
        ((Number) x.get("status")).intValue(),
        headers(x, "responseHeaders"),
        ((String) x.get("responseBody")).getBytes(StandardCharsets.UTF_8),
        0,
        null);
  }

  private static Request atlassianRequest(Map<String, Object> x) {
    SimpleRequest.Builder b =
        new SimpleRequest.Builder((String) x.get("method"), (String) x.get("path"));
    headers(x, "requestHeaders").forEach(b::withHeader);
    String query = (String) x.get("query");
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        b.withQueryParam(name, value);
      }
    }
    String body = (String) x.get("requestBody");
    if (!body.isEmpty()) {
      b.withBody(body);
    }
    return b.build();
  }

  private static SimpleResponse atlassianResponse(Map<String, Object> x) {
    SimpleResponse.Builder b = SimpleResponse.Builder.status(((Number) x.get("status")).intValue());
    headers(x, "responseHeaders").forEach(b::withHeader);
    String body = (String) x.get("responseBody");
    if (!body.isEmpty()) {
      b.withBody(body);
    }
    return b.build();
  }
}
