package net.cdapkit.internal.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Restriction;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;

/**
 * The session's habilitations as the contract spells them (French names, tabs by wire name), kept
 * as strings so that a value this SDK does not know is skipped rather than fatal. Not API.
 */
public record HabilitationsPayload(
    List<String> cafs,
    List<String> onglets,
    List<String> actions,
    List<String> typesAttestation,
    List<String> finalites,
    List<String> restrictions)
    implements WirePayload {

  public HabilitationsPayload {
    cafs = WirePayload.copy(cafs);
    onglets = WirePayload.copy(onglets);
    actions = WirePayload.copy(actions);
    typesAttestation = WirePayload.copy(typesAttestation);
    finalites = WirePayload.copy(finalites);
    restrictions = WirePayload.copy(restrictions);
  }

  @Override
  public void validate() {
    WirePayload.require(cafs, "Habilitations.cafs");
    WirePayload.require(onglets, "Habilitations.onglets");
    WirePayload.require(actions, "Habilitations.actions");
    WirePayload.require(typesAttestation, "Habilitations.typesAttestation");
    WirePayload.require(finalites, "Habilitations.finalites");
  }

  /** The wire form of habilitations, e.g. for a simulator answering an authentication. */
  public static HabilitationsPayload of(Habilitations h) {
    return new HabilitationsPayload(
        h.cafs().stream().map(CafCode::value).toList(),
        h.tabs().stream().map(Tab::wireName).toList(),
        h.actions().stream().map(Action::name).toList(),
        h.attestationTypes().stream().map(AttestationType::name).toList(),
        h.finalites().stream().map(FinaliteCode::code).toList(),
        h.restrictions().stream().map(Restriction::name).toList());
  }

  /**
   * The habilitations this SDK understands. Entries it does not know or cannot parse (a tab added
   * by a later server, a malformed CAF code) are skipped: the server filters content anyway, and
   * one odd entry must not lock an agent out.
   */
  public Habilitations toHabilitations() {
    return Habilitations.builder()
        .addAllCafs(parse(cafs, CafCode::of))
        .addAllTabs(parse(onglets, s -> Tab.fromName(s).orElse(null)))
        .addAllActions(parse(actions, s -> Enum.valueOf(Action.class, s)))
        .addAllAttestationTypes(
            parse(typesAttestation, s -> Enum.valueOf(AttestationType.class, s)))
        .addAllFinalites(parse(finalites, FinaliteCode::of))
        .addAllRestrictions(parse(restrictions, s -> Enum.valueOf(Restriction.class, s)))
        .build();
  }

  private static <T> List<T> parse(List<String> values, Function<String, T> parser) {
    List<T> parsed = new ArrayList<>();
    if (values == null) {
      return parsed;
    }
    for (String value : values) {
      if (value == null) {
        continue;
      }
      try {
        T t = parser.apply(value);
        if (t != null) {
          parsed.add(t);
        }
      } catch (IllegalArgumentException | InvalidInputException e) {
        // Unknown or malformed: skipped, see above.
      }
    }
    return parsed;
  }
}
