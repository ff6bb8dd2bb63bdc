package net.cdapkit.testkit;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.internal.fixtures.StandardCatalogue;

/**
 * The fictional dossiers a {@link CdapSimulator} serves, looked up by CAF and numéro allocataire.
 *
 * <p><strong>Everything here is fictional, and made to look it.</strong>
 *
 * <ul>
 *   <li>Numéros allocataire are taken only from the reserved range {@value #FIRST_NUMERO} to
 *       {@value #LAST_NUMERO}; {@link #of(Collection)} refuses any other, so that a real numéro
 *       cannot slip into a fixture. As with real dossiers, a numéro is unique only within its CAF:
 *       the standard catalogue has {@code 9900001} in two CAFs on purpose.
 *   <li>Surnames come only from the fixed list {@link #SURNAMES} ({@code EXEMPLE}, {@code FICTIF},
 *       …); first names are ordinary ones.
 *   <li>Addresses are streets such as "rue de l'Exemple", with postal codes of the right format for
 *       the CAF's département.
 *   <li>NIRs have 15 digits and a valid key, the département of the CAF (75, 13, 69 or 33) and the
 *       commune code {@code 999}, which no commune of those départements has.
 *   <li>Landlords and other organisations have names such as "Office Public de l'Habitat Exemple".
 * </ul>
 *
 * <p>{@link #standard()} is generated once, deterministically from a fixed seed, with data frozen
 * as of {@link #STANDARD_AS_OF}: the same dossiers with the same amounts on every machine and in
 * every run. Its demo dossier is {@link #DEMO_NUMERO} in CAF {@link #DEMO_CAF}, with every tab
 * populated.
 */
public final class Catalogue {
  /** First numéro allocataire of the reserved fictional range. */
  public static final String FIRST_NUMERO = "9900000";

  /** Last numéro allocataire of the reserved fictional range. */
  public static final String LAST_NUMERO = "9999999";

  /** The CAF of the demo dossier: 751 (Paris). */
  public static final CafCode DEMO_CAF = CafCode.of("751");

  /** The demo dossier's numéro: every tab populated. */
  public static final NumeroAllocataire DEMO_NUMERO = NumeroAllocataire.of("9900001");

  /** The date the standard catalogue's data is frozen at (last paid month: the one before). */
  public static final LocalDate STANDARD_AS_OF = StandardCatalogue.AS_OF;

  /** The only surnames any person of the standard catalogue has. */
  public static final List<String> SURNAMES =
      List.of(
          "EXEMPLE",
          "FICTIF",
          "DEMONSTRATION",
          "SPECIMEN",
          "MAQUETTE",
          "MODELE",
          "ESSAI",
          "PROTOTYPE");

  private final List<SyntheticDossier> dossiers;
  private final Map<Key, SyntheticDossier> index; // null for a generated catalogue
  private final Generated generated; // null unless generated

  /** A generated catalogue: dossiers made on demand, the last few kept. */
  private record Generated(long seed, int size, Map<Integer, SyntheticDossier> recent) {
    SyntheticDossier get(int i) {
      synchronized (recent) {
        SyntheticDossier d = recent.get(i);
        if (d == null) {
          d = Fixtures.generated(seed, i);
          recent.put(i, d);
        }
        return d;
      }
    }
  }

  private Catalogue(long seed, int n) {
    this.dossiers = Fixtures.generate(seed, n);
    this.index = null;
    this.generated =
        new Generated(
            seed,
            n,
            new java.util.LinkedHashMap<>(256, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<Integer, SyntheticDossier> eldest) {
                return size() > 256;
              }
            });
  }

  private Catalogue(List<SyntheticDossier> dossiers) {
    this.generated = null;
    Map<Key, SyntheticDossier> byKey = new HashMap<>();
    for (SyntheticDossier d : dossiers) {
      Objects.requireNonNull(d, "dossiers must not contain null");
      if (!isFictional(d.numeroAllocataire())) {
        throw new IllegalArgumentException(
            "A catalogue accepts only numéros allocataire from "
                + FIRST_NUMERO
                + " to "
                + LAST_NUMERO
                + " (value not shown)");
      }
      if (byKey.put(new Key(d.caf(), d.numeroAllocataire()), d) != null) {
        throw new IllegalArgumentException(
            "Two dossiers of CAF " + d.caf() + " share a numéro allocataire (value not shown)");
      }
    }
    this.dossiers = List.copyOf(dossiers);
    this.index = Map.copyOf(byKey);
  }

  /**
   * The standard catalogue: at least 20 fictional dossiers in CAFs 751, 131, 691 and 331.
   *
   * @return the shared, immutable standard catalogue
   */
  public static Catalogue standard() {
    return Standard.INSTANCE;
  }

  /**
   * A catalogue of your own dossiers.
   *
   * @param dossiers the dossiers to serve; copied
   * @return an immutable catalogue of these dossiers
   * @throws IllegalArgumentException if a numéro is outside the reserved fictional range, or two
   *     dossiers have the same CAF and numéro
   */
  public static Catalogue of(Collection<SyntheticDossier> dossiers) {
    return new Catalogue(List.copyOf(dossiers));
  }

  /**
   * A catalogue of {@code n} dossiers from {@link Fixtures#generate(long, int)}, for load tests:
   * the same seed serves the same dossiers. They are made when looked up (the last 256 are kept),
   * so a large catalogue costs little memory; {@link #dossiers()} is the lazy list.
   *
   * @param seed the same seed serves the same dossiers
   * @param n how many dossiers, 0 to {@link Fixtures#MAX_GENERATED}
   * @return a catalogue generating its dossiers on demand
   */
  public static Catalogue generated(long seed, int n) {
    return new Catalogue(seed, n);
  }

  /**
   * Whether a numéro allocataire is in the reserved fictional range.
   *
   * @param numero the numéro to check
   * @return true if it is between 9900000 and 9999999
   */
  public static boolean isFictional(NumeroAllocataire numero) {
    String v = numero.value();
    return v.compareTo(FIRST_NUMERO) >= 0 && v.compareTo(LAST_NUMERO) <= 0;
  }

  /**
   * Every dossier, in a stable order.
   *
   * @return an immutable list; lazy for a generated catalogue
   */
  public List<SyntheticDossier> dossiers() {
    return dossiers;
  }

  /**
   * The dossier with this numéro in this CAF.
   *
   * @param caf the CAF holding the dossier
   * @param numero the numéro allocataire
   * @return the dossier, or empty if this CAF has none with this numéro
   */
  public Optional<SyntheticDossier> find(CafCode caf, NumeroAllocataire numero) {
    if (generated == null) {
      return Optional.ofNullable(index.get(new Key(caf, numero)));
    }
    int i = Integer.parseInt(numero.value()) - Fixtures.FIRST_GENERATED_NUMERO;
    if (i < 0 || i >= generated.size()) {
      return Optional.empty();
    }
    SyntheticDossier d = generated.get(i);
    return d.caf().equals(caf) ? Optional.of(d) : Optional.empty();
  }

  /**
   * The CAFs that hold at least one dossier, in order; for a generated catalogue, the CAFs its
   * dossiers are drawn from.
   *
   * @return an immutable sorted set of CAF codes
   */
  public Set<CafCode> cafs() {
    Set<CafCode> cafs = new TreeSet<>();
    if (generated != null) {
      List.of("751", "131", "691").forEach(c -> cafs.add(CafCode.of(c)));
    } else {
      dossiers.forEach(d -> cafs.add(d.caf()));
    }
    return Collections.unmodifiableSet(cafs);
  }

  @Override
  public String toString() {
    return "Catalogue["
        + dossiers.size()
        + (generated != null ? " generated" : "")
        + " dossiers, cafs="
        + cafs()
        + "]";
  }

  private record Key(CafCode caf, NumeroAllocataire numero) {}

  private static final class Standard {
    static final Catalogue INSTANCE = new Catalogue(StandardCatalogue.generate());
  }
}
