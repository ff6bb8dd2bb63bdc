package net.cdapkit.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatJsonTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "751",
        "2026-03-03T09:00:00Z",
        "\"quoted\" at the start",
        "ends with a backslash \\",
        "tab\tand\rreturn\nnewline",
        "control \u0001 char",
        "line\u2028and paragraph\u2029separators",
        "accents éèà and € stay as they are"
      })
  void string_parsesBackToTheSameText(String value) {
    StringBuilder json = new StringBuilder("{\"k\":");
    FlatJson.string(json, value);
    json.append('}');

    assertThat(json.toString()).doesNotContain("\n", "\r", "\t", "\u2028", "\u2029", "\u0001");
    assertThat(FlatJson.parse(json.toString())).containsEntry("k", value);
  }
}
