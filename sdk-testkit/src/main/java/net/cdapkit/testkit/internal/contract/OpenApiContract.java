package net.cdapkit.testkit.internal.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.cdapkit.testkit.ContractViolation;
import net.cdapkit.testkit.Operation;
import net.cdapkit.testkit.internal.server.Json;
import net.cdapkit.testkit.internal.server.SimRequest;
import net.cdapkit.testkit.internal.server.SimResponse;
import net.cdapkit.testkit.internal.server.SimulatorHandler;

/**
 * The contract document ({@code net/cdapkit/openapi.yaml}, shipped in sdk-core's jar) and a focused
 * validator of requests and responses against it: parameters (path, query, header), security,
 * bodies against their JSON schemas (types, required properties, enums, patterns, lengths, bounds,
 * formats date and date-time, nullable), declared statuses and content types.
 *
 * <p>It covers the parts of OpenAPI 3.0 the contract uses and fails at load time on a construct it
 * does not know ({@code oneOf}, {@code allOf}…), rather than passing it silently. Messages never
 * quote a value.
 */
public final class OpenApiContract {
  public static final String RESOURCE = "net/cdapkit/openapi.yaml";

  private final Map<String, Object> root;
  private final Map<Operation, Map<String, Object>> operations = new EnumMap<>(Operation.class);
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

  private OpenApiContract(Map<String, Object> root) {
    this.root = root;
    Map<String, Object> paths = map(root.get("paths"), "paths");
    Map<String, Operation> byId = new HashMap<>();
    for (Operation op : Operation.values()) {
      byId.put(op.operationId(), op);
    }
    for (Map.Entry<String, Object> path : paths.entrySet()) {
      for (Map.Entry<String, Object> method : map(path.getValue(), path.getKey()).entrySet()) {
        Map<String, Object> spec = map(method.getValue(), path.getKey());
        Operation op = byId.get(String.valueOf(spec.get("operationId")));
        if (op != null) {
          Map<String, Object> withPath = new HashMap<>(spec);
          withPath.put("x-path", path.getKey());
          operations.put(op, withPath);
        }
      }
    }
    for (Operation op : Operation.values()) {
      if (!operations.containsKey(op)) {
        throw new IllegalStateException("The contract has no operation " + op.operationId());
      }
    }
    checkKeywords(root.get("components"), "components");
  }

  /** The contract on the classpath, parsed once. */
  public static OpenApiContract load() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final OpenApiContract INSTANCE = read();

    private static OpenApiContract read() {
      ClassLoader loader = OpenApiContract.class.getClassLoader();
      try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath (sdk-core's jar)");
        }
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new OpenApiContract(map(ContractYaml.parse(text), "document"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o, String where) {
    if (!(o instanceof Map)) {
      throw new IllegalStateException("The contract's " + where + " is not a mapping");
    }
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return o instanceof List ? (List<Object>) o : List.of();
  }

  /** Fails on schema keywords the validator does not implement (oneOf, allOf, not…). */
  private static void checkKeywords(Object node, String where) {
    if (node instanceof Map<?, ?> m) {
      boolean schemaLike = m.containsKey("type") || m.containsKey("$ref");
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (schemaLike
            && (k.equals("oneOf") || k.equals("anyOf") || k.equals("allOf") || k.equals("not"))) {
          throw new IllegalStateException(
              "The contract uses '" + k + "' at " + where + ", which the validator does not check");
        }
        checkKeywords(e.getValue(), where + "." + k);
      }
    } else if (node instanceof List<?> l) {
      l.forEach(v -> checkKeywords(v, where));
    }
  }

  public Object resolve(Object node) {
    Object current = node;
    for (int depth = 0; current instanceof Map<?, ?> m && m.containsKey("$ref"); depth++) {
      if (depth > 20) {
        throw new IllegalStateException("$ref cycle in the contract");
      }
      String ref = String.valueOf(m.get("$ref"));
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("Only local $ref are supported: " + ref);
      }
      Object target = root;
      for (String part : ref.substring(2).split("/")) {
        target = map(target, ref).get(part.replace("~1", "/").replace("~0", "~"));
      }
      if (target == null) {
        throw new IllegalStateException("Unresolved $ref " + ref);
      }
      current = target;
    }
    return current;
  }

  // ---------------------------------------------------------------- requests

  public List<ContractViolation> checkRequest(Operation op, SimRequest req) {
    List<ContractViolation> out = new ArrayList<>();
    Map<String, Object> spec = operations.get(op);
    Sink sink =
        (location, rule) ->
            out.add(
                new ContractViolation(op, ContractViolation.Direction.REQUEST, 0, location, rule));
    boolean secured = !(spec.get("security") instanceof List<?> s && s.isEmpty());
    if (secured) {
      String auth = req.header("Authorization").orElse("");
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7) || auth.substring(7).isBlank()) {
        sink.add("header Authorization", "a bearer token is required");
      }
    }
    Map<String, String> pathParams = pathParams(String.valueOf(spec.get("x-path")), req.path());
    Map<String, String> query = query(req.rawQuery());
    for (Object p : list(spec.get("parameters"))) {
      Map<String, Object> param = map(resolve(p), "parameter");
      String name = String.valueOf(param.get("name"));
      String in = String.valueOf(param.get("in"));
      Optional<String> value =
          switch (in) {
            case "header" -> req.header(name);
            case "query" -> Optional.ofNullable(query.get(name));
            case "path" -> Optional.ofNullable(pathParams.get(name));
            default -> Optional.empty();
          };
      String location = in + " " + name;
      if (value.isEmpty()) {
        if (Boolean.TRUE.equals(param.get("required"))) {
          sink.add(location, "required");
        }
        continue;
      }
      checkParameter(value.get(), param.get("schema"), location, sink);
    }
    Object body = spec.get("requestBody");
    if (body != null) {
      Map<String, Object> rb = map(resolve(body), "requestBody");
      if (req.body().length == 0) {
        if (Boolean.TRUE.equals(rb.get("required"))) {
          sink.add("body", "a request body is required");
        }
      } else {
        Map<String, Object> content = map(rb.get("content"), "requestBody.content");
        String type = contentType(req.header("Content-Type").orElse(""));
        Object media = content.get(type);
        if (media == null) {
          sink.add("header Content-Type", "must be one of " + content.keySet());
        } else {
          checkJson(req.body(), map(media, "media").get("schema"), sink);
        }
      }
    }
    return out;
  }

  private void checkParameter(String raw, Object schemaNode, String location, Sink sink) {
    Map<String, Object> schema = map(resolve(schemaNode), location);
    Object value = raw;
    if ("integer".equals(schema.get("type"))) {
      if (!raw.matches("-?[0-9]{1,18}")) {
        sink.add(location, "expected an integer");
        return;
      }
      value = new BigDecimal(raw);
    }
    validate(value, schema, location, sink);
  }

  private static Map<String, String> pathParams(String template, String path) {
    Map<String, String> out = new HashMap<>();
    String rel =
        path.startsWith(SimulatorHandler.PREFIX)
            ? path.substring(SimulatorHandler.PREFIX.length() - 1)
            : path;
    String[] t = template.split("/", -1);
    String[] p = rel.split("/", -1);
    if (t.length == p.length) {
      for (int i = 0; i < t.length; i++) {
        if (t[i].startsWith("{") && t[i].endsWith("}")) {
          out.put(t[i].substring(1, t[i].length() - 1), decode(p[i]));
        }
      }
    }
    return out;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw != null && !raw.isEmpty()) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        out.putIfAbsent(
            decode(eq < 0 ? pair : pair.substring(0, eq)),
            eq < 0 ? "" : decode(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  private static String contentType(String header) {
    int semi = header.indexOf(';');
    return (semi < 0 ? header : header.substring(0, semi))
        .strip()
        .toLowerCase(java.util.Locale.ROOT);
  }

  // ---------------------------------------------------------------- responses

  public List<ContractViolation> checkResponse(Operation op, SimResponse res) {
    List<ContractViolation> out = new ArrayList<>();
    int status = res.status();
    Sink sink =
        (location, rule) ->
            out.add(
                new ContractViolation(
                    op, ContractViolation.Direction.RESPONSE, status, location, rule));
    Map<String, Object> responses = map(operations.get(op).get("responses"), "responses");
    Object declared = responses.get(Integer.toString(status));
    if (declared == null) {
      declared = responses.get("default");
    }
    if (declared == null) {
      sink.add("status", "not declared for this operation (declared: " + responses.keySet() + ")");
      return out;
    }
    Map<String, Object> spec = map(resolve(declared), "response");
    Object headers = spec.get("headers");
    if (headers instanceof Map<?, ?> hs) {
      for (Map.Entry<?, ?> h : hs.entrySet()) {
        String name = String.valueOf(h.getKey());
        Map<String, Object> header = map(resolve(h.getValue()), "header");
        Optional<String> value = headerOf(res, name);
        if (value.isEmpty()) {
          if (Boolean.TRUE.equals(header.get("required"))) {
            sink.add("header " + name, "required");
          }
        } else if (header.get("schema") != null) {
          validate(value.get(), map(resolve(header.get("schema")), name), "header " + name, sink);
        }
      }
    }
    Object content = spec.get("content");
    if (content == null) {
      if (res.body().length > 0) {
        sink.add("body", "this status has no body in the contract");
      }
      return out;
    }
    Map<String, Object> media = map(content, "content");
    String type = res.contentType();
    if (!media.containsKey(type)) {
      sink.add("header Content-Type", "must be one of " + media.keySet());
      return out;
    }
    Map<String, Object> m = map(media.get(type), "media");
    if (type.equals("application/json")) {
      checkJson(res.body(), m.get("schema"), sink);
    } else if (res.body().length == 0) {
      sink.add("body", "must not be empty");
    }
    return out;
  }

  private static Optional<String> headerOf(SimResponse res, String name) {
    return res.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  // ---------------------------------------------------------------- schemas

  private void checkJson(byte[] body, Object schema, Sink sink) {
    Object tree;
    try {
      tree = Json.parseTree(body);
    } catch (IllegalArgumentException e) {
      sink.add("body", "not well-formed JSON");
      return;
    }
    if (schema != null) {
      validate(tree, map(resolve(schema), "schema"), "body $", sink);
    }
  }

  public interface Sink {
    public void add(String location, String rule);
  }

  /** Validates a JSON value (maps, lists, strings, BigDecimal, Boolean, null) against a schema. */
  public void validate(Object value, Map<String, Object> schemaIn, String path, Sink sink) {
    Map<String, Object> schema = map(resolve(schemaIn), path);
    if (value == null) {
      if (!Boolean.TRUE.equals(schema.get("nullable"))) {
        sink.add(path, "must not be null");
      }
      return;
    }
    Object type = schema.get("type");
    if (type != null && !hasType(value, String.valueOf(type))) {
      sink.add(path, "expected " + type + " but was " + typeOf(value));
      return;
    }
    if (schema.get("enum") instanceof List<?> allowed && !allowed.contains(normalised(value))) {
      sink.add(path, "not one of " + allowed);
    }
    if (value instanceof String s) {
      checkString(s, schema, path, sink);
    } else if (value instanceof BigDecimal n) {
      if (schema.get("minimum") instanceof Long min && n.compareTo(BigDecimal.valueOf(min)) < 0) {
        sink.add(path, "below the minimum " + min);
      }
      if (schema.get("maximum") instanceof Long max && n.compareTo(BigDecimal.valueOf(max)) > 0) {
        sink.add(path, "above the maximum " + max);
      }
    } else if (value instanceof Map<?, ?> obj) {
      for (Object r : list(schema.get("required"))) {
        if (!obj.containsKey(String.valueOf(r))) {
          sink.add(path + "." + r, "required property missing");
        }
      }
      Map<String, Object> props =
          schema.get("properties") instanceof Map<?, ?>
              ? map(schema.get("properties"), path)
              : Map.of();
      for (Map.Entry<?, ?> e : obj.entrySet()) {
        String name = String.valueOf(e.getKey());
        Object propSchema = props.get(name);
        if (propSchema != null) {
          validate(e.getValue(), map(propSchema, path), path + "." + name, sink);
        } else if (Boolean.FALSE.equals(schema.get("additionalProperties"))) {
          sink.add(path + "." + name, "property not allowed by the contract");
        }
      }
    } else if (value instanceof List<?> items) {
      if (schema.get("minItems") instanceof Long min && items.size() < min) {
        sink.add(path, "fewer than " + min + " items");
      }
      if (schema.get("maxItems") instanceof Long max && items.size() > max) {
        sink.add(path, "more than " + max + " items");
      }
      Object itemSchema = schema.get("items");
      if (itemSchema != null) {
        for (int i = 0; i < items.size(); i++) {
          validate(items.get(i), map(itemSchema, path), path + "[" + i + "]", sink);
        }
      }
    }
  }

  private void checkString(String s, Map<String, Object> schema, String path, Sink sink) {
    int length = s.codePointCount(0, s.length());
    if (schema.get("minLength") instanceof Long min && length < min) {
      sink.add(path, "shorter than minLength " + min);
    }
    if (schema.get("maxLength") instanceof Long max && length > max) {
      sink.add(path, "longer than maxLength " + max);
    }
    if (schema.get("pattern") instanceof String p
        && !patterns.computeIfAbsent(p, Pattern::compile).matcher(s).find()) {
      sink.add(path, "does not match the pattern " + p);
    }
    Object format = schema.get("format");
    try {
      if ("date".equals(format)) {
        LocalDate.parse(s);
      } else if ("date-time".equals(format)) {
        OffsetDateTime.parse(s);
      }
    } catch (DateTimeParseException e) {
      sink.add(path, "not a valid " + format);
    }
  }

  private static Object normalised(Object value) {
    if (value instanceof BigDecimal n && n.scale() <= 0) {
      return n.longValueExact();
    }
    return value;
  }

  private static boolean hasType(Object v, String type) {
    return switch (type) {
      case "object" -> v instanceof Map;
      case "array" -> v instanceof List;
      case "string" -> v instanceof String;
      case "boolean" -> v instanceof Boolean;
      case "integer" -> v instanceof BigDecimal n && n.scale() <= 0;
      case "number" -> v instanceof BigDecimal;
      default -> true;
    };
  }

  private static String typeOf(Object v) {
    if (v instanceof Map) {
      return "object";
    }
    if (v instanceof List) {
      return "array";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "boolean";
    }
    if (v instanceof BigDecimal n) {
      return n.scale() <= 0 ? "integer" : "number";
    }
    return "null";
  }

  @Override
  public String toString() {
    return "OpenApiContract[" + operations.size() + " operations]";
  }
}
