package net.cdapkit.internal.http;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.internal.json.CdapJson;
import net.cdapkit.internal.json.DialogueRequest;
import net.cdapkit.internal.json.DossierLookup;
import net.cdapkit.internal.json.DossierReferencePayload;
import net.cdapkit.internal.json.ErrorBody;
import net.cdapkit.internal.json.TokenResponse;
import net.cdapkit.model.AideEnLigne;
import net.cdapkit.model.CompositionFamille;
import net.cdapkit.model.CourriersPage;
import net.cdapkit.model.Creances;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.Droits;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.InformationsLogement;
import net.cdapkit.model.PaiementsPage;
import net.cdapkit.model.Ressources;
import net.cdapkit.model.ResumeDossier;
import net.cdapkit.model.Rsa;
import net.cdapkit.model.Synthese;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Feeds every decoder of the contract malformed and mutated bodies, through the same entry points
 * as real responses ({@link ApiCaller#decode}, and {@link ApiCaller#execute} for statuses, content
 * types and error bodies): each must give a value or the SDK's typed exception — {@link
 * ProtocolException} for a success body — and no message may quote the input's values.
 *
 * <p>Seeded and replayable: each input has its own seed, printed on failure. Re-run one with {@code
 * -Dcdapkit.fuzz.replay=<file>:<strategy>:<seed>}; change the whole run with {@code
 * -Dcdapkit.fuzz.seed=<n>}.
 */
class DecoderFuzzIntegrationTest {
  private static final long BASE_SEED = Long.getLong("cdapkit.fuzz.seed", 20_261_126L);
  private static final int PER_CASE = Integer.getInteger("cdapkit.fuzz.perCase", 600);
  private static final String CANARY = "Zorglub";
  private static final String CANARY_NUMBER = "987654321";

  private static final AtomicLong INPUTS = new AtomicLong();
  private static final AtomicLong TYPED = new AtomicLong();
  private static final AtomicLong UNTYPED = new AtomicLong();

  /** A decoder under test: a golden body and the type it decodes to. */
  record Target(String file, Class<?> type) {
    byte[] golden() {
      try (InputStream in =
          DecoderFuzzIntegrationTest.class.getResourceAsStream(
              "/net/cdapkit/model/golden/" + file)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static final List<Target> TARGETS =
      List.of(
          new Target("synthese.json", Synthese.class),
          new Target("resume.json", ResumeDossier.class),
          new Target("paiements-page.json", PaiementsPage.class),
          new Target("droits.json", Droits.class),
          new Target("famille.json", CompositionFamille.class),
          new Target("ressources.json", Ressources.class),
          new Target("rsa.json", Rsa.class),
          new Target("rsa-absent.json", Rsa.class),
          new Target("courriers-page.json", CourriersPage.class),
          new Target("logement.json", InformationsLogement.class),
          new Target("creances.json", Creances.class),
          new Target("envoi-postal-receipt.json", EnvoiPostalReceipt.class),
          new Target("dialogue-receipt.json", DialogueReceipt.class),
          new Target("aide.json", AideEnLigne.class),
          new Target("token.json", TokenResponse.class),
          new Target("error.json", ErrorBody.class),
          new Target("dossier-reference.json", DossierReferencePayload.class),
          new Target("dossier-lookup.json", DossierLookup.class),
          new Target("dialogue-message.json", DialogueRequest.class));

  /** How an input is made from a golden body. */
  enum Strategy {
    TRUNCATE,
    BYTES,
    TYPE_SWAP,
    HUGE_VALUES,
    DROP_AND_ADD,
    DEEP_NESTING,
    ENCODING,
    RANDOM_JSON,
    PIPELINE
  }

  @TestFactory
  Stream<DynamicTest> everyDecoder_givesAValueOrTheProtocolException() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Target target : TARGETS) {
      byte[] golden = target.golden();
      List<String> personal = personalValues(golden);
      for (Strategy strategy : Strategy.values()) {
        long caseSeed =
            BASE_SEED * 1_000_003L + (target.file().hashCode() * 31L) + strategy.ordinal();
        tests.add(
            DynamicTest.dynamicTest(
                target.file() + " × " + strategy,
                () -> runCase(target, golden, personal, strategy, caseSeed)));
      }
    }
    return tests.stream();
  }

  /** Replays one input named by a failure message; skipped unless asked for. */
  @Test
  void replay() {
    String spec = System.getProperty("cdapkit.fuzz.replay");
    if (spec == null) {
      return;
    }
    String[] parts = spec.split(":");
    Target target =
        TARGETS.stream().filter(t -> t.file().equals(parts[0])).findFirst().orElseThrow();
    byte[] golden = target.golden();
    String problem =
        feed(
            target,
            golden,
            personalValues(golden),
            Strategy.valueOf(parts[1]),
            Long.parseLong(parts[2]));
    if (problem != null) {
      fail(problem);
    }
  }

  @AfterAll
  static void report() {
    if (INPUTS.get() > 0) {
      System.out.println(
          "fuzz: inputs=" + INPUTS.get() + " typed=" + TYPED.get() + " untyped=" + UNTYPED.get());
    }
  }

  private static void runCase(
      Target target, byte[] golden, List<String> personal, Strategy strategy, long caseSeed) {
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < PER_CASE; i++) {
      long seed = caseSeed * 6_364_136_223_846_793_005L + i;
      String problem = feed(target, golden, personal, strategy, seed);
      if (problem != null && problems.size() < 5) {
        problems.add(problem);
      }
    }
    if (!problems.isEmpty()) {
      fail(String.join("\n", problems));
    }
  }

  /** Feeds one input; returns null when it behaved, or a description with its seed. */
  private static String feed(
      Target target, byte[] golden, List<String> personal, Strategy strategy, long seed) {
    Random random = new Random(seed);
    INPUTS.incrementAndGet();
    String replay = target.file() + ":" + strategy + ":" + seed;
    byte[] input;
    try {
      input = mutate(strategy, golden, random);
    } catch (RuntimeException e) {
      throw new AssertionError("generator failed for " + replay, e);
    }
    Throwable outcome;
    try {
      if (strategy == Strategy.PIPELINE) {
        throughPipeline(target, input, random);
      } else {
        ApiCaller.decode(
            new Exchange(200, input, "application/json", "req-fuzz", 1), target.type(), "fuzz");
      }
      TYPED.incrementAndGet();
      return null;
    } catch (CdapException e) {
      outcome = e;
      boolean allowed = strategy == Strategy.PIPELINE || e instanceof ProtocolException;
      String leak = leak(e, personal);
      if (allowed && leak == null) {
        TYPED.incrementAndGet();
        return null;
      }
      UNTYPED.incrementAndGet();
      return "seed "
          + replay
          + (leak != null ? ": message quotes an input value '" + leak + "'" : ": wrong type")
          + " — "
          + e;
    } catch (Throwable e) {
      outcome = e;
    }
    UNTYPED.incrementAndGet();
    return "seed " + replay + ": untyped " + outcome;
  }

  /** Sends the input as a whole response, with a random status and content type. */
  private static void throughPipeline(Target target, byte[] body, Random random) {
    int[] statuses = {200, 200, 201, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504};
    String[] types = {
      "application/json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
      "text/html",
      "application/problem+json",
      null
    };
    int status = statuses[random.nextInt(statuses.length)];
    String type = types[random.nextInt(types.length)];
    String[] headers =
        random.nextInt(4) == 0
            ? new String[] {"Retry-After", random.nextBoolean() ? "abc" : "-5"}
            : new String[0];
    FakeTiming timing = new FakeTiming();
    ApiCaller caller =
        new ApiCaller(
            new RetrySettings(2, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(5)),
            64 * 1024,
            timing,
            new RecordingLogger());
    FakeCall call =
        FakeCall.of(
            timing,
            c -> FakeCall.response(status, type, body, headers),
            c -> FakeCall.response(status, type, body, headers));
    Exchange exchange =
        caller.execute(call, new CallContext("fuzz", "T1", "tab fuzz", random.nextBoolean(), null));
    ApiCaller.decode(exchange, target.type(), "fuzz");
  }

  /** The first input value found in a message of the exception or its causes, or null. */
  private static String leak(Throwable e, List<String> personal) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m == null) {
        continue;
      }
      if (m.contains(CANARY)) {
        return CANARY;
      }
      if (m.contains(CANARY_NUMBER)) {
        return CANARY_NUMBER;
      }
      for (String value : personal) {
        if (m.contains(value)) {
          return value;
        }
      }
    }
    return null;
  }

  /**
   * The golden's string values that could be personal: everything but short codes. Enum-like codes
   * (all capitals) and identifiers of the contract itself are not personal.
   */
  private static List<String> personalValues(byte[] golden) {
    List<String> values = new ArrayList<>();
    collectStrings(tree(golden), values);
    values.removeIf(
        v ->
            v.length() < 4
                || v.matches("[A-Z0-9_]+")
                || v.equals("Bearer")
                // The amount adapter's message gives this fixed example of the format.
                || v.equals("141.99"));
    return values;
  }

  @SuppressWarnings("unchecked")
  private static void collectStrings(Object node, List<String> out) {
    if (node instanceof String s) {
      out.add(s);
    } else if (node instanceof Map<?, ?> m) {
      for (Object v : m.values()) {
        collectStrings(v, out);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        collectStrings(v, out);
      }
    }
  }

  // ---------------------------------------------------------------- generators

  private static byte[] mutate(Strategy strategy, byte[] golden, Random random) {
    switch (strategy) {
      case TRUNCATE:
        return truncate(golden, random);
      case BYTES:
        return bytes(golden, random);
      case TYPE_SWAP:
        return treeEdit(golden, random, DecoderFuzzIntegrationTest::typeSwap, 3);
      case HUGE_VALUES:
        // One huge value at a time, so that one is never copied into another.
        return treeEdit(golden, random, DecoderFuzzIntegrationTest::huge, 1);
      case DROP_AND_ADD:
        return treeEdit(golden, random, DecoderFuzzIntegrationTest::dropOrAdd, 3);
      case DEEP_NESTING:
        return deep(golden, random);
      case ENCODING:
        return encoding(golden, random);
      case RANDOM_JSON:
        return utf8(randomValue(random, 0));
      case PIPELINE:
        Strategy[] others = Strategy.values();
        return mutate(others[random.nextInt(others.length - 1)], golden, random);
      default:
        throw new IllegalStateException();
    }
  }

  private static byte[] truncate(byte[] golden, Random random) {
    int cut = random.nextInt(golden.length);
    byte[] out = new byte[cut];
    System.arraycopy(golden, 0, out, 0, cut);
    return out;
  }

  private static byte[] bytes(byte[] golden, Random random) {
    List<Byte> b = new ArrayList<>(golden.length + 8);
    for (byte x : golden) {
      b.add(x);
    }
    int edits = 1 + random.nextInt(4);
    byte[] specials = {
      '"', '{', '}', '[', ']', ',', ':', '\\', 0, (byte) 0xC3, (byte) 0xFF, (byte) 0x80
    };
    for (int e = 0; e < edits && !b.isEmpty(); e++) {
      int at = random.nextInt(b.size());
      byte value =
          random.nextBoolean()
              ? specials[random.nextInt(specials.length)]
              : (byte) random.nextInt();
      switch (random.nextInt(3)) {
        case 0 -> b.set(at, value);
        case 1 -> b.add(at, value);
        default -> b.remove(at);
      }
    }
    byte[] out = new byte[b.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.get(i);
    }
    return out;
  }

  private static byte[] encoding(byte[] golden, Random random) {
    String text = new String(golden, StandardCharsets.UTF_8);
    switch (random.nextInt(7)) {
      case 0:
        return text.getBytes(StandardCharsets.UTF_16LE);
      case 1:
        return text.getBytes(StandardCharsets.UTF_16BE);
      case 2:
        return text.getBytes(StandardCharsets.UTF_16); // with a byte order mark
      case 3:
        return text.getBytes(StandardCharsets.ISO_8859_1); // accents become invalid UTF-8
      case 4:
        return Charset.forName("UTF-32").encode(text).array();
      case 5:
        {
          // A UTF-8 byte order mark in front.
          byte[] out = new byte[golden.length + 3];
          out[0] = (byte) 0xEF;
          out[1] = (byte) 0xBB;
          out[2] = (byte) 0xBF;
          System.arraycopy(golden, 0, out, 3, golden.length);
          return out;
        }
      default:
        {
          // An invalid UTF-8 sequence inside a string value.
          String marker = "\"" + CANARY;
          String injected = text.replaceFirst(":\\s*\"", ":" + marker);
          byte[] utf8 = utf8(injected);
          ByteBuffer out = ByteBuffer.allocate(utf8.length + 2);
          int quote = injected.indexOf(marker) + 1;
          int at = quote < 1 ? 0 : utf8(injected.substring(0, quote)).length;
          out.put(utf8, 0, at).put((byte) 0xC3).put((byte) 0x28).put(utf8, at, utf8.length - at);
          return out.array();
        }
    }
  }

  private static byte[] deep(byte[] golden, Random random) {
    int depth = 200 + random.nextInt(random.nextBoolean() ? 400 : 20_000);
    String open = random.nextBoolean() ? "[" : "{\"" + "a\":";
    String close = open.equals("[") ? "]" : "}";
    StringBuilder nest = new StringBuilder();
    nest.append(open.repeat(depth)).append(random.nextBoolean() ? "1" : "\"" + CANARY + "\"");
    if (random.nextInt(3) > 0) {
      nest.append(close.repeat(depth));
    }
    if (random.nextBoolean()) {
      return utf8(nest.toString());
    }
    // Nested inside the golden, under an unknown field or in place of a known one.
    Object tree = tree(golden);
    Map<String, Object> object = randomObject(tree, random);
    if (object == null) {
      return utf8(nest.toString());
    }
    String key =
        random.nextBoolean() && !object.isEmpty()
            ? new ArrayList<>(object.keySet()).get(random.nextInt(object.size()))
            : "inconnu";
    object.put(key, new Raw(nest.toString()));
    return utf8(write(tree));
  }

  /** Edits one randomly chosen value of the golden's tree. */
  private interface Edit {
    Object apply(Object value, Random random);
  }

  private static byte[] treeEdit(byte[] golden, Random random, Edit edit, int maxEdits) {
    Object tree = tree(golden);
    int edits = 1 + random.nextInt(maxEdits);
    for (int i = 0; i < edits; i++) {
      tree = editRandomNode(tree, random, edit);
    }
    return utf8(write(tree));
  }

  @SuppressWarnings("unchecked")
  private static Object editRandomNode(Object node, Random random, Edit edit) {
    // Walk down a random path, stopping at some depth, and replace that node.
    if (random.nextInt(4) == 0) {
      return edit.apply(node, random);
    }
    if (node instanceof Map<?, ?> m && !m.isEmpty()) {
      Map<String, Object> map = (Map<String, Object>) m;
      String key = new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
      map.put(key, editRandomNode(map.get(key), random, edit));
      return map;
    }
    if (node instanceof List<?> l && !l.isEmpty()) {
      List<Object> list = (List<Object>) l;
      int at = random.nextInt(list.size());
      list.set(at, editRandomNode(list.get(at), random, edit));
      return list;
    }
    return edit.apply(node, random);
  }

  private static Object typeSwap(Object value, Random random) {
    switch (random.nextInt(9)) {
      case 0:
        return null;
      case 1:
        return CANARY + random.nextInt(1000);
      case 2:
        return Long.parseLong(CANARY_NUMBER + random.nextInt(10));
      case 3:
        return random.nextBoolean();
      case 4:
        return new ArrayList<>(List.of(CANARY));
      case 5:
        return new LinkedHashMap<>(Map.of("x", CANARY));
      case 6:
        return value instanceof String s ? s + CANARY : String.valueOf(value);
      case 7:
        return new Raw(
            CANARY_NUMBER + "." + random.nextInt(100_000) + "e" + (random.nextInt(50) - 25));
      default:
        // A plausible-looking but invalid scalar: a date, amount or code of the wrong shape.
        String[] odd = {
          "2026-13-45",
          "2026-02-30",
          "31/12/2026",
          "12.345",
          "-0.01",
          "1e3",
          "",
          " ",
          "NaN",
          "Infinity",
          "0x1F",
          "１２３",
          "\u0000",
          "AF;DROP",
          CANARY + "-2026"
        };
        return odd[random.nextInt(odd.length)];
    }
  }

  private static Object huge(Object value, Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return new Raw(CANARY_NUMBER.repeat(2 + random.nextInt(60)));
      case 1:
        return new Raw("-" + CANARY_NUMBER.repeat(2 + random.nextInt(60)) + ".5");
      case 2:
        return new Raw("1e" + (300 + random.nextInt(100_000)));
      case 3:
        return CANARY + "x".repeat(1_000 + random.nextInt(200_000));
      case 4:
        return CANARY_NUMBER.repeat(1 + random.nextInt(30)) + ".00";
      case 5:
        {
          // A long array of a small value: a scalar of the golden, or a canary.
          Object element =
              value instanceof String || value instanceof Number || value instanceof Boolean
                  ? value
                  : CANARY;
          List<Object> list = new ArrayList<>();
          int n = 1_000 + random.nextInt(20_000);
          for (int i = 0; i < n; i++) {
            list.add(element);
          }
          return list;
        }
      default:
        return new Raw(Long.toString(Long.MAX_VALUE) + "0");
    }
  }

  @SuppressWarnings("unchecked")
  private static Object dropOrAdd(Object value, Random random) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      if (!map.isEmpty() && random.nextBoolean()) {
        map.remove(new ArrayList<>(map.keySet()).get(random.nextInt(map.size())));
      } else if (!map.isEmpty() && random.nextBoolean()) {
        // A duplicated key, with another value.
        String key = new ArrayList<>(map.keySet()).get(random.nextInt(map.size()));
        map.put(key + "\u0000dup", CANARY);
      } else {
        map.put(random.nextBoolean() ? "inconnu" : CANARY, randomValue(random, 2));
      }
      return map;
    }
    if (value instanceof List<?> l) {
      List<Object> list = (List<Object>) l;
      if (!list.isEmpty() && random.nextBoolean()) {
        list.remove(random.nextInt(list.size()));
      } else {
        list.add(random.nextBoolean() ? null : new Raw(randomValue(random, 2)));
      }
      return list;
    }
    return random.nextBoolean() ? null : new Raw(randomValue(random, 1));
  }

  /** A random JSON text (not always well-formed: sometimes cut or with a stray token). */
  private static String randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 8);
    switch (kind) {
      case 0:
        return "null";
      case 1:
        return Boolean.toString(random.nextBoolean());
      case 2:
        return random.nextBoolean()
            ? Long.toString(random.nextLong())
            : Double.toString(random.nextGaussian() * 1e6);
      case 3:
        return quote(CANARY + random.nextInt(100));
      case 4:
        return random.nextBoolean() ? "\"" + CANARY : "tru";
      case 5:
      case 6:
        {
          StringBuilder b = new StringBuilder("{");
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              b.append(',');
            }
            String[] keys = {"nom", "montant", "date", "elements", "page", "reference", "code"};
            b.append(quote(keys[random.nextInt(keys.length)]))
                .append(':')
                .append(randomValue(random, depth + 1));
          }
          return b.append('}').toString();
        }
      default:
        {
          StringBuilder b = new StringBuilder("[");
          int n = random.nextInt(5);
          for (int i = 0; i < n; i++) {
            if (i > 0) {
              b.append(',');
            }
            b.append(randomValue(random, depth + 1));
          }
          return b.append(']').toString();
        }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> randomObject(Object node, Random random) {
    List<Map<String, Object>> objects = new ArrayList<>();
    collectObjects(node, objects);
    return objects.isEmpty() ? null : objects.get(random.nextInt(objects.size()));
  }

  @SuppressWarnings("unchecked")
  private static void collectObjects(Object node, List<Map<String, Object>> out) {
    if (node instanceof Map<?, ?> m) {
      out.add((Map<String, Object>) m);
      for (Object v : m.values()) {
        collectObjects(v, out);
      }
    } else if (node instanceof List<?> l) {
      for (Object v : l) {
        collectObjects(v, out);
      }
    }
  }

  // ---------------------------------------------------------------- a small JSON tree writer

  /** Text written as is: numbers Moshi's tree would not keep, or deliberately broken JSON. */
  private record Raw(String text) {}

  private static Object tree(byte[] json) {
    try {
      return CdapJson.moshi()
          .adapter(Object.class)
          .fromJson(new String(json, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String write(Object node) {
    StringBuilder b = new StringBuilder();
    write(node, b);
    return b.toString();
  }

  private static void write(Object node, StringBuilder b) {
    if (node == null) {
      b.append("null");
    } else if (node instanceof Raw r) {
      b.append(r.text());
    } else if (node instanceof String s) {
      b.append(quote(s));
    } else if (node instanceof Double d) {
      b.append(
          d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString());
    } else if (node instanceof Number || node instanceof Boolean) {
      b.append(node);
    } else if (node instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        // A key ending in NUL+"dup" is written as a duplicate of the original key.
        String key = String.valueOf(e.getKey());
        int dup = key.indexOf("\u0000dup");
        b.append(quote(dup >= 0 ? key.substring(0, dup) : key)).append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (node instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        write(l.get(i), b);
      }
      b.append(']');
    } else {
      throw new IllegalArgumentException("Unexpected node " + node.getClass());
    }
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
