package net.cdapkit.testkit.internal.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
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
  /**
   * A numéro of the reserved fictional range. A match counts only when it is a whole token (see
   * {@link #isWholeToken}): the same seven digits inside a request id, a hex string, a timestamp's
   * fraction or a longer token are not a numéro.
   */
  private static final Pattern FICTIONAL_NUMERO = Pattern.compile("99[0-9]{5}");

  /** Fifteen digits, a NIR with its key; counted only as a whole token too. */
  private static final Pattern NIR = Pattern.compile("[12][0-9]{14}");

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
    if (numeros.stream().anyMatch(n -> occursAsToken(s, n))
        || matchesAsToken(FICTIONAL_NUMERO, s)) {
      found.add("a numéro allocataire");
    }
    if (nirs.stream().anyMatch(n -> occursAsToken(s, n)) || matchesAsToken(NIR, s)) {
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

  private static boolean occursAsToken(String s, String digits) {
    for (int i = s.indexOf(digits); i >= 0; i = s.indexOf(digits, i + 1)) {
      if (isWholeToken(s, i, i + digits.length())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAsToken(Pattern pattern, String s) {
    Matcher m = pattern.matcher(s);
    for (int from = 0; from < s.length() && m.find(from); from = m.start() + 1) {
      if (isWholeToken(s, m.start(), m.end())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code s[start, end)} stands as a token of its own rather than as a piece of a longer
   * one. It does not when a letter, digit or underscore touches it; nor when a hyphen touches it
   * with a letter or digit beyond (a UUID's or an idempotency key's segment: {@code 9977653-05c5});
   * nor when a dot touches it with a digit beyond (a decimal or a timestamp's fraction: {@code
   * 12:00:00.9912345}). Slashes, spaces, quotes, {@code =} and {@code :} separate tokens, so {@code
   * /dossiers/9900001/} and {@code numero=9900001} are caught.
   */
  static boolean isWholeToken(String s, int start, int end) {
    if (start > 0) {
      char before = s.charAt(start - 1);
      if (isTokenChar(before)) {
        return false;
      }
      if (start > 1 && joins(before, s.charAt(start - 2))) {
        return false;
      }
    }
    if (end < s.length()) {
      char after = s.charAt(end);
      if (isTokenChar(after)) {
        return false;
      }
      if (end + 1 < s.length() && joins(after, s.charAt(end + 1))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isTokenChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Whether a separator binds its neighbour into the same token. */
  private static boolean joins(char separator, char beyond) {
    return switch (separator) {
      case '-' -> Character.isLetterOrDigit(beyond);
      case '.' -> Character.isDigit(beyond);
      default -> false;
    };
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
