package net.cdapkit.testkit.internal.server;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.cdapkit.capability.Restriction;
import net.cdapkit.model.AttestationType;
import net.cdapkit.testkit.SyntheticDossier;
import net.cdapkit.testkit.SyntheticDossier.Beneficiaire;
import net.cdapkit.testkit.SyntheticDossier.Droit;
import net.cdapkit.testkit.SyntheticDossier.Paiement;

/**
 * A one-page PDF 1.4 attestation, written by hand: a catalog, one page, two standard Type 1 fonts
 * (Helvetica, Helvetica-Bold, WinAnsiEncoding so that accents and the euro sign print), one content
 * stream, an info dictionary, and a cross-reference table with exact byte offsets. Marked as a
 * fictional document on its face.
 */
public final class AttestationPdf {
  public static final String MENTION =
      "Document fictif produit par le simulateur cdapkit — sans valeur";

  private static final Charset WIN_ANSI = Charset.forName("windows-1252");
  private static final int LEFT = 56;
  private static final int TOP = 780;

  private AttestationPdf() {}

  private record Line(boolean bold, int size, String text, int gapBefore) {}

  public static String titre(AttestationType type) {
    return switch (type) {
      case PAIEMENT -> "Attestation de paiement";
      case QUOTIENT_FAMILIAL -> "Attestation de quotient familial";
      case DROITS -> "Attestation de droits";
    };
  }

  public static byte[] render(
      AttestationType type,
      SyntheticDossier d,
      Set<Restriction> restrictions,
      ZonedDateTime generatedAt) {
    List<Line> lines = new ArrayList<>();
    lines.add(new Line(true, 18, titre(type), 0));
    lines.add(new Line(false, 11, "Caisse d'allocations familiales — CAF " + d.caf().value(), 10));
    lines.add(new Line(true, 11, MENTION, 6));
    lines.add(
        new Line(
            false,
            11,
            "Allocataire : "
                + d.synthese().allocataire().prenom()
                + " "
                + d.synthese().allocataire().nom(),
            22));
    boolean logementSeulement = restrictions.contains(Restriction.AIDES_LOGEMENT_SEULEMENT);
    switch (type) {
      case PAIEMENT -> paiements(d, logementSeulement, lines);
      case QUOTIENT_FAMILIAL -> quotient(d, lines);
      case DROITS -> droits(d, logementSeulement, lines);
    }
    lines.add(
        new Line(
            false,
            9,
            "Généré le "
                + generatedAt.format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm"))
                + " ("
                + (generatedAt.getOffset().getTotalSeconds() == 0
                    ? "UTC"
                    : generatedAt.getZone().getId())
                + ") par le simulateur cdapkit.",
            30));
    return document(titre(type), content(lines), generatedAt);
  }

  private static void paiements(SyntheticDossier d, boolean logementSeulement, List<Line> out) {
    List<Paiement> lignes =
        d.paiements().stream()
            .filter(p -> !logementSeulement || p.prestation().isAideLogement())
            .toList();
    if (logementSeulement) {
      out.add(new Line(false, 11, "Périmètre : aides au logement seulement", 14));
    }
    if (lignes.isEmpty()) {
      out.add(new Line(false, 11, "Aucun paiement enregistré.", 14));
      return;
    }
    var periode = lignes.get(0).periode();
    out.add(new Line(true, 11, "Paiements au titre de " + periode + " :", 14));
    for (Paiement p : lignes) {
      if (!p.periode().equals(periode)) {
        continue;
      }
      String dest =
          p.beneficiaire() == Beneficiaire.TIERS
              ? "à " + p.tiers().orElse("un tiers") + " (tiers payant)"
              : "à l'allocataire";
      out.add(
          new Line(
              false,
              11,
              "   "
                  + p.prestation().name()
                  + " : "
                  + euros(p.montant())
                  + " versés le "
                  + p.date()
                  + " "
                  + dest
                  + p.retenue().map(r -> ", retenue de " + euros(r)).orElse(""),
              4));
    }
  }

  private static void quotient(SyntheticDossier d, List<Line> out) {
    var qf = d.ressources().quotientFamilial();
    out.add(
        new Line(
            true,
            11,
            qf.map(q -> "Quotient familial de " + q.mois() + " : " + euros(q.montant()))
                .orElse("Quotient familial : non calculé pour ce dossier."),
            14));
    d.ressources()
        .revenusN2()
        .ifPresent(
            n ->
                out.add(
                    new Line(
                        false,
                        11,
                        "Revenus de référence (année " + n.annee() + ") : " + euros(n.montant()),
                        4)));
    out.add(new Line(false, 11, "Enfants à charge : " + d.synthese().nombreEnfants(), 4));
  }

  private static void droits(SyntheticDossier d, boolean logementSeulement, List<Line> out) {
    if (logementSeulement) {
      out.add(new Line(false, 11, "Périmètre : aides au logement seulement", 14));
    }
    out.add(new Line(true, 11, "Droits :", 14));
    for (Droit x : d.droits()) {
      if (logementSeulement && !x.prestation().isAideLogement()) {
        continue;
      }
      String etat =
          switch (x.etat()) {
            case OUVERT -> "ouvert depuis le " + x.debut();
            case SUSPENDU -> "suspendu (ouvert le " + x.debut() + ")";
            case FERME -> "fermé le " + x.fin().map(Object::toString).orElse("?");
          };
      out.add(
          new Line(
              false,
              11,
              "   "
                  + x.prestation().name()
                  + " : "
                  + etat
                  + ", "
                  + euros(x.montantMensuel())
                  + " par mois",
              4));
    }
  }

  public static String euros(BigDecimal amount) {
    DecimalFormat f =
        new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.FRANCE));
    // Locale.FRANCE groups with a narrow no-break space, absent from WinAnsi: use a plain space.
    return f.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ') + " €";
  }

  private static byte[] content(List<Line> lines) {
    StringBuilder s = new StringBuilder("BT\n");
    int y = TOP;
    boolean first = true;
    for (Line l : lines) {
      y -= first ? 0 : l.gapBefore() + l.size();
      first = false;
      s.append(l.bold() ? "/F2 " : "/F1 ")
          .append(l.size())
          .append(" Tf\n1 0 0 1 ")
          .append(LEFT)
          .append(' ')
          .append(y)
          .append(" Tm\n(")
          .append(escape(l.text()))
          .append(") Tj\n");
    }
    s.append("ET\n");
    return winAnsi(s.toString());
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)");
  }

  private static byte[] winAnsi(String text) {
    CharsetEncoder encoder =
        WIN_ANSI
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(text));
      byte[] bytes = new byte[buffer.remaining()];
      buffer.get(bytes);
      return bytes;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("WinAnsi encoding failed", e);
    }
  }

  private static byte[] document(String title, byte[] content, ZonedDateTime at) {
    String date = at.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "Z";
    List<byte[]> objects = new ArrayList<>();
    objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
    objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
    objects.add(
        ascii(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
                + " /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"));
    objects.add(
        ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
    objects.add(
        ascii(
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold"
                + " /Encoding /WinAnsiEncoding >>"));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    stream.writeBytes(ascii("<< /Length " + content.length + " >>\nstream\n"));
    stream.writeBytes(content);
    stream.writeBytes(ascii("endstream"));
    objects.add(stream.toByteArray());
    objects.add(
        ascii(
            "<< /Title ("
                + escape(title)
                + " - document fictif) /Producer (cdapkit simulator) /CreationDate (D:"
                + date
                + ") >>"));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("%PDF-1.4\n"));
    // A comment with high bytes tells transfer tools the file is binary.
    out.writeBytes(new byte[] {'%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n'});
    int[] offsets = new int[objects.size()];
    for (int i = 0; i < objects.size(); i++) {
      offsets[i] = out.size();
      out.writeBytes(ascii((i + 1) + " 0 obj\n"));
      out.writeBytes(objects.get(i));
      out.writeBytes(ascii("\nendobj\n"));
    }
    int xref = out.size();
    StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n");
    table.append("0000000000 65535 f \n");
    for (int offset : offsets) {
      table.append(String.format("%010d 00000 n \n", offset));
    }
    table
        .append("trailer\n<< /Size ")
        .append(objects.size() + 1)
        .append(" /Root 1 0 R /Info ")
        .append(objects.size())
        .append(" 0 R >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    out.writeBytes(ascii(table.toString()));
    return out.toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
