package net.cdapkit.testkit.internal.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import net.cdapkit.model.Nir;
import net.cdapkit.model.NumeroAllocataire;
import net.cdapkit.testkit.SyntheticDossier;

/**
 * The personal data of some fictional dossiers, and a search for it in text that must not carry it:
 * URLs, logs, exception messages, {@code toString} output. Findings name the kind of data and never
 * quote it.
 */
public final class PersonalData {
  /** Any numéro of the reserved fictional range, standing alone. */
  private static final Pattern FICTIONAL_NUMERO = Pattern.compile("(?<![0-9])99[0-9]{5}(?![0-9])");

  /** Fifteen digits standing alone: a NIR with its key. */
  private static final Pattern NIR = Pattern.compile("(?<![0-9])[12][0-9]{14}(?![0-9])");

  private final Set<String> numeros = new LinkedHashSet<>();
  private final Set<String> nirs = new LinkedHashSet<>();
  private final Set<String> surnames = new LinkedHashSet<>();
  private final Set<String> fullNames = new LinkedHashSet<>();
  private final Set<String> addresses = new LinkedHashSet<>();
  private final Set<String> secrets = new LinkedHashSet<>();

  public PersonalData(Collection<SyntheticDossier> dossiers, Collection<String> secrets) {
    for (SyntheticDossier d : dossiers) {
      numeros.add(d.numeroAllocataire().value());
      addPerson(d.synthese().allocataire().prenom(), d.synthese().allocataire().nom());
      for (SyntheticDossier.Membre m : d.membres()) {
        addPerson(m.prenom(), m.nom());
        m.nir().map(Nir::value).ifPresent(nirs::add);
      }
      SyntheticDossier.Adresse a = d.resume().adresse();
      addresses.add(a.ligne1());
      a.ligne2().ifPresent(addresses::add);
    }
    for (String s : secrets) {
      if (s != null && s.length() >= 4) {
        this.secrets.add(s);
      }
    }
  }

  /** Adds numéros that were asked for even if no dossier holds them. */
  public PersonalData withNumeros(Collection<NumeroAllocataire> more) {
    more.forEach(n -> numeros.add(n.value()));
    return this;
  }

  private void addPerson(String prenom, String nom) {
    surnames.add(nom);
    fullNames.add(prenom + " " + nom);
    fullNames.add(nom + " " + prenom);
  }

  /**
   * The kinds of personal data or secrets found in the text, in a stable order; empty when clean.
   *
   * @param caseSensitiveSurnames true for logs (a surname is stored upper case, and organisation
   *     names such as "Habitat Exemple" are not personal), false for URLs
   */
  public List<String> find(CharSequence text, boolean caseSensitiveSurnames) {
    String s = text.toString();
    List<String> found = new ArrayList<>();
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (numeros.stream().anyMatch(n -> standsAlone(s, n)) || FICTIONAL_NUMERO.matcher(s).find()) {
      found.add("a numéro allocataire");
    }
    if (nirs.stream().anyMatch(s::contains) || NIR.matcher(s).find()) {
      found.add("a NIR");
    }
    boolean name =
        fullNames.stream().anyMatch(n -> lower.contains(n.toLowerCase(java.util.Locale.ROOT)))
            || surnames.stream()
                .anyMatch(
                    n ->
                        caseSensitiveSurnames
                            ? isWord(s, n)
                            : isWord(lower, n.toLowerCase(java.util.Locale.ROOT)));
    if (name) {
      found.add("a name");
    }
    if (addresses.stream().anyMatch(a -> lower.contains(a.toLowerCase(java.util.Locale.ROOT)))) {
      found.add("an address");
    }
    if (secrets.stream().anyMatch(s::contains)) {
      found.add("a password or token");
    }
    return found;
  }

  private static boolean standsAlone(String s, String digits) {
    int i = s.indexOf(digits);
    while (i >= 0) {
      boolean before = i == 0 || !Character.isDigit(s.charAt(i - 1));
      int end = i + digits.length();
      boolean after = end >= s.length() || !Character.isDigit(s.charAt(end));
      if (before && after) {
        return true;
      }
      i = s.indexOf(digits, i + 1);
    }
    return false;
  }

  private static boolean isWord(String s, String word) {
    int i = s.indexOf(word);
    while (i >= 0) {
      boolean before = i == 0 || !Character.isLetter(s.charAt(i - 1));
      int end = i + word.length();
      boolean after = end >= s.length() || !Character.isLetter(s.charAt(end));
      if (before && after) {
        return true;
      }
      i = s.indexOf(word, i + 1);
    }
    return false;
  }

  @Override
  public String toString() {
    return "PersonalData[" + numeros.size() + " numéros, values not shown]";
  }
}
