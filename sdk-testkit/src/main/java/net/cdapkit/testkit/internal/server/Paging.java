package net.cdapkit.testkit.internal.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code du}, {@code au}, {@code page} and {@code taille} query parameters of the paged tabs.
 *
 * @param du first month included, or null
 * @param au last month included, or null
 */
public record Paging(YearMonth du, YearMonth au, int page, int taille) {
  public static final int DEFAULT_TAILLE = 50;
  public static final int MAX_TAILLE = 100;

  private static final Pattern MOIS = Pattern.compile("[0-9]{4}-(0[1-9]|1[0-2])");
  private static final Pattern ENTIER = Pattern.compile("[0-9]{1,9}");

  /**
   * Parses the query string; other parameters are ignored.
   *
   * @throws ApiError 00400 naming the parameter when a value is malformed or out of range
   */
  public static Paging parse(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (List.of("du", "au", "page", "taille").contains(name)
            && params.put(name, value) != null) {
          throw ApiError.badRequest("Le paramètre '" + name + "' est donné plusieurs fois.");
        }
      }
    }
    YearMonth du = mois(params.get("du"), "du");
    YearMonth au = mois(params.get("au"), "au");
    if (du != null && au != null && du.isAfter(au)) {
      throw ApiError.badRequest("Le mois 'du' doit précéder ou égaler le mois 'au'.");
    }
    int page = entier(params.get("page"), "page", 0, 0, Integer.MAX_VALUE);
    int taille = entier(params.get("taille"), "taille", DEFAULT_TAILLE, 1, MAX_TAILLE);
    return new Paging(du, au, page, taille);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("La chaîne de requête est mal encodée.");
    }
  }

  private static YearMonth mois(String value, String name) {
    if (value == null) {
      return null;
    }
    if (!MOIS.matcher(value).matches()) {
      throw ApiError.badRequest("Le paramètre '" + name + "' doit être un mois au format yyyy-MM.");
    }
    return YearMonth.parse(value);
  }

  private static int entier(String value, String name, int defaut, int min, int max) {
    if (value == null) {
      return defaut;
    }
    if (!ENTIER.matcher(value).matches()) {
      throw ApiError.badRequest("Le paramètre '" + name + "' doit être un entier positif.");
    }
    int v = Integer.parseInt(value);
    if (v < min || v > max) {
      throw ApiError.badRequest(
          "Le paramètre '"
              + name
              + "' doit être compris entre "
              + min
              + " et "
              + (max == Integer.MAX_VALUE ? "l'infini" : String.valueOf(max))
              + ".");
    }
    return v;
  }

  /** One page of the items whose month is within [du, au], in the given (newest-first) order. */
  public <T> Page<T> apply(List<T> newestFirst, Function<T, YearMonth> month) {
    List<T> filtered =
        newestFirst.stream()
            .filter(t -> du == null || !month.apply(t).isBefore(du))
            .filter(t -> au == null || !month.apply(t).isAfter(au))
            .toList();
    long from = (long) page * taille;
    if (from >= filtered.size()) {
      return new Page<>(List.of(), page, taille, false);
    }
    int to = (int) Math.min(filtered.size(), from + taille);
    return new Page<>(filtered.subList((int) from, to), page, taille, to < filtered.size());
  }

  public record Page<T>(List<T> elements, int numero, int taille, boolean hasNext) {
    public Json.Obj info() {
      return Json.obj()
          .put("numero", numero)
          .put("taille", taille)
          .put("suivante", hasNext ? numero + 1 : null);
    }
  }
}
