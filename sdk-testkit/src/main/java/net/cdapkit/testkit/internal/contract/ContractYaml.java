package net.cdapkit.testkit.internal.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The contract's YAML, read with snakeyaml-engine into the plain maps and lists the checks walk.
 */
public final class ContractYaml {
  private ContractYaml() {}

  /**
   * Reads a YAML document with snakeyaml-engine (YAML 1.2, core schema), then gives its values the
   * shapes the checks expect: mapping keys as strings (status codes are keys), integers as {@link
   * Long}, decimals as {@link BigDecimal}, other scalars as they come (strings, booleans, null).
   * Duplicate keys are refused; a malformed document fails with its line.
   */
  public static Object parse(String text) {
    Load load =
        new Load(
            LoadSettings.builder()
                .setLabel(OpenApiContract.RESOURCE)
                .setAllowDuplicateKeys(false)
                .build());
    return shaped(load.loadFromString(text));
  }

  private static Object shaped(Object node) {
    if (node instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), shaped(v)));
      return copy;
    }
    if (node instanceof List<?> l) {
      List<Object> copy = new ArrayList<>(l.size());
      l.forEach(v -> copy.add(shaped(v)));
      return copy;
    }
    if (node instanceof Integer || node instanceof Long || node instanceof BigInteger) {
      return ((Number) node).longValue();
    }
    if (node instanceof Double d) {
      return BigDecimal.valueOf(d);
    }
    return node;
  }
}
