package net.cdapkit.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import net.cdapkit.hostile.HostileServer.Reply;
import net.cdapkit.hostile.HostileServer.Request;

/**
 * The contract's well-behaved answers, from the golden files, for a {@link HostileServer} handler
 * to fall back on: a T1 session, a dossier reference, every tab, receipts. Synthetic data only.
 */
public final class Contract {
  public static final String TOKEN = "tok_EXEMPLE_0123456789abcdef";

  private Contract() {}

  public static String golden(String file) {
    try (InputStream in = Contract.class.getResourceAsStream("/net/cdapkit/model/golden/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The golden token answer with another token and lifetime. */
  public static String token(String accessToken, String expiresIn) {
    return golden("token.json")
        .replace("\"" + TOKEN + "\"", accessToken)
        .replace("\"expiresIn\": 1800", "\"expiresIn\": " + expiresIn);
  }

  public static Reply token() {
    return Reply.json(200, golden("token.json"));
  }

  /** A reference carrying {@code n}, to tell references of different lookups apart. */
  public static Reply reference(int n) {
    return Reply.json(
        200, "{\"reference\":\"dos_EXEMPLE" + String.format("%08d", n) + "\",\"caf\":\"751\"}");
  }

  /** The contract's normal answer to {@code r}. */
  public static Reply answer(Request r) {
    String p = r.path();
    if (p.endsWith("/auth/token")) {
      return token();
    }
    if (p.endsWith("/dossiers/recherche")) {
      return Reply.json(200, golden("dossier-reference.json"));
    }
    if (p.endsWith("/sessions/courante")) {
      return Reply.of(204, null, new byte[0]);
    }
    if (p.endsWith("/dialogues")) {
      return Reply.json(201, golden("dialogue-receipt.json"));
    }
    if (p.contains("/envois-postaux")) {
      return Reply.json(201, golden("envoi-postal-receipt.json"));
    }
    if (p.contains("/attestations/")) {
      return Reply.of(
          200, "application/pdf", "%PDF-1.4 EXEMPLE".getBytes(StandardCharsets.US_ASCII));
    }
    if (p.contains("/aide/fiches")) {
      return Reply.json(200, golden("aide.json"));
    }
    for (String tab :
        new String[] {
          "synthese", "resume", "droits", "famille", "ressources", "rsa", "logement", "creances"
        }) {
      if (p.contains("/" + tab)) {
        return Reply.json(200, golden(tab + ".json"));
      }
    }
    if (p.contains("/paiements")) {
      return Reply.json(200, lastPage(golden("paiements-page.json")));
    }
    if (p.contains("/courriers")) {
      return Reply.json(200, lastPage(golden("courriers-page.json")));
    }
    return Reply.error(404, "99999");
  }

  private static String lastPage(String page) {
    return page.replaceAll("\"suivante\"\\s*:\\s*\\d+", "\"suivante\": null")
        .replaceAll("\"page\"\\s*:\\s*\\{\\s*\"numero\"\\s*:\\s*\\d+", "\"page\": { \"numero\": 0");
  }
}
