package net.cdapkit.testkit.internal.faults;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.internal.server.Json;
import net.cdapkit.testkit.internal.server.SimResponse;

/**
 * Rewrites a real answer for {@link Fault#malformedJson()} and the forward-compatibility faults.
 */
public final class FaultMutations {
  /** Scalar fields whose values the contract enumerates. */
  private static final Set<String> ENUM_FIELDS =
      Set.of(
          "situationFamiliale",
          "regime",
          "statut",
          "prestation",
          "prestationOrigine",
          "aide",
          "beneficiaire",
          "etat",
          "role",
          "nature",
          "orientation",
          "canal",
          "modalite",
          "perimetre",
          "type");

  /** Lists of codes, and the unknown value added to each. */
  private static final Map<String, String> ENUM_LISTS =
      Map.of(
          "onglets", "onglet_futur",
          "actions", "ACTION_FUTURE",
          "typesAttestation", "ATTESTATION_FUTURE",
          "restrictions", "RESTRICTION_FUTURE",
          "finalites", "FINALITE_FUTURE");

  public static final String UNKNOWN_VALUE = "VALEUR_FUTURE";

  private FaultMutations() {}

  public static SimResponse malformedJson(SimResponse real) {
    byte[] body = real.body();
    byte[] cut = new byte[body.length / 2 + 1];
    System.arraycopy(body, 0, cut, 0, body.length / 2);
    cut[cut.length - 1] = ',';
    if (body.length == 0) {
      cut = "{\"".getBytes(StandardCharsets.UTF_8);
    }
    return real.withHeader("Content-Type", SimResponse.JSON).withBody(cut);
  }

  public static SimResponse unknownFields(SimResponse real) {
    return rewrite(real, FaultMutations::addFields);
  }

  public static SimResponse unknownEnumValues(SimResponse real) {
    return rewrite(real, FaultMutations::replaceEnums);
  }

  private static SimResponse rewrite(SimResponse real, java.util.function.UnaryOperator<Object> f) {
    if (!real.contentType().equals(SimResponse.JSON) || real.body().length == 0) {
      return real;
    }
    Object tree;
    try {
      tree = Json.parseTree(real.body());
    } catch (IllegalArgumentException e) {
      return real;
    }
    return real.withBody(Json.write(f.apply(tree)));
  }

  private static Object addFields(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, addFields(v)));
      out.put("champAjouteParUneVersionFuture", "ignorez-moi");
      Map<String, Object> nested = new LinkedHashMap<>();
      nested.put("version", new BigDecimal("2"));
      nested.put("drapeaux", List.of(Boolean.TRUE, Boolean.FALSE));
      nested.put("note", null);
      out.put("extensionFuture", nested);
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(addFields(v)));
      return out;
    }
    return node;
  }

  private static Object replaceEnums(Object node) {
    if (node instanceof Map<?, ?> map) {
      // The postal receipt's type echoes the attestation type the client asked for.
      boolean receipt = map.containsKey("dateEnvoiPrevue");
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            String key = (String) k;
            if (v instanceof String
                && ENUM_FIELDS.contains(key)
                && !(receipt && key.equals("type"))) {
              out.put(key, UNKNOWN_VALUE);
            } else if (v instanceof List<?> l && ENUM_LISTS.containsKey(key)) {
              List<Object> extended = new ArrayList<>(l);
              extended.add(ENUM_LISTS.get(key));
              out.put(key, extended);
            } else {
              out.put(key, replaceEnums(v));
            }
          });
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(replaceEnums(v)));
      return out;
    }
    return node;
  }
}
