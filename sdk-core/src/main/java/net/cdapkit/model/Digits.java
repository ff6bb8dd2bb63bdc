package net.cdapkit.model;

/** Digit checks shared by the identifiers, as plain loops: no stream or lambda to set up. */
final class Digits {
  private Digits() {}

  /** Whether {@code s} has {@code min} to {@code max} characters, all ASCII digits. */
  static boolean only(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
