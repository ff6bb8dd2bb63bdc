package net.cdapkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import org.junit.jupiter.api.Test;

/** No way around the finalité, and the contract documents the agent header everywhere. */
class PurposeAndContractTest {

  @Test
  void everyPublicWayToADossier_takesAFinalite() {
    List<String> ways = new ArrayList<>();
    for (Class<?> type :
        List.of(CdapClient.class, CdapSession.class, CafContext.class, Dossier.class)) {
      for (Method m : type.getMethods()) {
        // A view of a dossier already opened (withOptions) keeps the finalité it was opened with.
        boolean view =
            m.getDeclaringClass() == Dossier.class && !Modifier.isStatic(m.getModifiers());
        if (m.getReturnType() == Dossier.class && !view) {
          ways.add(m.getName());
          assertThat(m.getParameterTypes()).as(m.toString()).contains(Finalite.class);
        }
      }
    }
    assertThat(ways).contains("consultDossier");
    assertThat(Dossier.class.getConstructors()).isEmpty();
    assertThat(Arrays.stream(Dossier.class.getDeclaredConstructors()))
        .allMatch(
            c -> !Modifier.isPublic(c.getModifiers()) && !Modifier.isProtected(c.getModifiers()));
  }

  @Test
  void knownFinalites_areTheDocumentedSet() throws Exception {
    String contract = contract();
    for (FinaliteCode code : FinaliteCode.known()) {
      assertThat(contract).contains(code.code());
    }
    assertThat(FinaliteCode.known()).hasSize(8);
  }

  @Test
  void contract_declaresTheAgentHeaderOnEveryAuthenticatedOperation() throws Exception {
    String contract = contract();
    String paths =
        contract.substring(contract.indexOf("\npaths:"), contract.indexOf("\ncomponents:"));
    Matcher op = Pattern.compile("\n  (/[^:\n]+):\n").matcher(paths);
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (op.find()) {
      spans.add(new int[] {op.start()});
      names.add(op.group(1));
    }
    assertThat(names).hasSize(17);
    for (int i = 0; i < names.size(); i++) {
      int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : paths.length();
      String block = paths.substring(spans.get(i)[0], end);
      if (names.get(i).equals("/auth/token")) {
        assertThat(block).doesNotContain("parameters/Agent'");
      } else {
        assertThat(block).as(names.get(i)).contains("parameters/Agent'");
      }
    }
    assertThat(contract).contains("name: X-Cdap-Agent").contains("required: false");
  }

  private static String contract() throws Exception {
    try (InputStream in = CdapClient.class.getResourceAsStream("openapi.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
