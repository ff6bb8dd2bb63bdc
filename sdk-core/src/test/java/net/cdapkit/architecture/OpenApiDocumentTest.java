package net.cdapkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.cdapkit.CdapClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The contract reads as a published document: every operation says what it does, the licence is
 * named, and no {@code $ref} carries keys that OpenAPI 3.0 ignores beside it.
 */
class OpenApiDocumentTest {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private static Map<String, Object> document;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    try (InputStream in = CdapClient.class.getResourceAsStream("openapi.yaml")) {
      assertThat(in).as("openapi.yaml in sdk-core's jar").isNotNull();
      document =
          (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void operations_whenRead_eachHaveSummaryAndDescription() {
    List<String> undocumented = new ArrayList<>();
    Map<String, Object> paths = (Map<String, Object>) document.get("paths");
    paths.forEach(
        (path, item) ->
            ((Map<String, Object>) item)
                .forEach(
                    (method, operation) -> {
                      if (METHODS.contains(method)) {
                        Map<String, Object> op = (Map<String, Object>) operation;
                        if (isBlank(op.get("summary")) || isBlank(op.get("description"))) {
                          undocumented.add(method.toUpperCase() + " " + path);
                        }
                      }
                    }));

    assertThat(undocumented).as("operations without summary or description").isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void info_whenRead_namesTheLicence() {
    Map<String, Object> info = (Map<String, Object>) document.get("info");
    Map<String, Object> license = (Map<String, Object>) info.get("license");

    assertThat(license).as("info.license").isNotNull();
    assertThat(license.get("name")).isEqualTo("Apache License, Version 2.0");
    assertThat(license.get("url")).asString().startsWith("https://");
  }

  @Test
  void references_whenRead_carryNoSiblingKeys() {
    List<String> offenders = new ArrayList<>();
    collectRefSiblings(document, "#", offenders);

    assertThat(offenders).as("$ref objects with sibling keys, which OpenAPI 3.0 ignores").isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void collectRefSiblings(Object node, String where, List<String> offenders) {
    if (node instanceof Map<?, ?> map) {
      if (map.containsKey("$ref") && map.size() > 1) {
        offenders.add(where + " " + map.keySet());
      }
      ((Map<String, Object>) map)
          .forEach((key, value) -> collectRefSiblings(value, where + "/" + key, offenders));
    } else if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        collectRefSiblings(list.get(i), where + "/" + i, offenders);
      }
    }
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
