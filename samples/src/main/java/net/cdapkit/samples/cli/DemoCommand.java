package net.cdapkit.samples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import net.cdapkit.AttestationPdf;
import net.cdapkit.CafContext;
import net.cdapkit.CdapSession;
import net.cdapkit.DialogueMessage;
import net.cdapkit.Dossier;
import net.cdapkit.Periode;
import net.cdapkit.audit.JsonLinesAuditJournal;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Habilitations;
import net.cdapkit.capability.Profiles;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.AideEnLigne;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.DialogueReceipt;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.Finalite;
import net.cdapkit.model.FinaliteCode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Walks every step of the CAF partner guide against the embedded simulator. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walks every step of the CAF guide against an embedded simulator: authenticate, select"
          + " CAF 751, consult the demo dossier 9900001, read every tab the profile allows, save an"
          + " attestation PDF, send a Dialogue message, read the online help.",
      "No network beyond loopback, no credentials to type; all data is synthetic.",
      "Every step is recorded in the audit journal (--audit-file), which 'cdap audit verify'"
          + " checks."
    })
final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--profile",
      defaultValue = "T1",
      description = "Demo agent's profile, T1 to T5 (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(
      names = "--output-dir",
      defaultValue = ".",
      description = "Where to save the attestation PDF (default: the current directory).")
  Path outputDir;

  @Option(
      names = "--history",
      defaultValue = "12",
      description = "Lines shown per history tab (default: ${DEFAULT-VALUE}).")
  int historyLimit;

  @Mixin AuditOptions audit;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = TerminalText.safe(spec.commandLine().getOut());
    audit.applyLogging();
    try (JsonLinesAuditJournal journal = audit.open();
        Connection connection = Connection.open(null, profile, journal)) {
      long recordsBefore = journal.records();
      CdapSession session = connection.session;
      out.println("cdap demo — " + connection.where());
      out.println();
      Habilitations h = session.habilitations();
      out.println(
          "Étape 1 · Authentifié : agent "
              + connection.login
              + ", profil "
              + session.profile()
              + Profiles.forCode(session.profile(), h.cafs())
                  .map(p -> " (" + p.label() + ")")
                  .orElse("")
              + ", partenaire "
              + session.partenaire().nom());
      out.println(
          "Étape 2 · Habilitations : CAF "
              + h.cafs().stream().map(Object::toString).sorted().collect(Collectors.joining(", "))
              + " · onglets "
              + h.tabs().stream().map(Tab::wireName).collect(Collectors.joining(", "))
              + " · actions "
              + h.actions().stream().map(Enum::name).collect(Collectors.joining(", ")));

      CafContext caf = session.selectCaf("751");
      FinaliteCode code =
          h.finalites().stream().findFirst().orElse(FinaliteCode.ACCOMPAGNEMENT_SOCIAL);
      Dossier dossier = caf.consultDossier("9900001", Finalite.of(code, "Démonstration cdapkit"));
      out.println(
          "Étape 3 · CAF 751 sélectionnée, dossier 9900001 consulté pour la finalité " + code);

      out.println("Étapes 4 et 5 · Onglets du dossier");
      TabPrinter printer = new TabPrinter(out, false, historyLimit);
      for (Tab tab : Tab.values()) {
        if (session.canRead(tab)) {
          printer.print(dossier, tab, Periode.all());
        } else {
          out.println();
          out.println("== " + tab.label() + " == non accessible au profil " + session.profile());
        }
      }
      out.println();

      AttestationType type =
          h.attestationTypes().contains(AttestationType.PAIEMENT)
              ? AttestationType.PAIEMENT
              : h.attestationTypes().iterator().next();
      AttestationPdf pdf = dossier.requestAttestation(type);
      Files.createDirectories(outputDir);
      Path file =
          pdf.writeTo(
              outputDir.resolve(
                  "cdap-attestation-" + type.name().toLowerCase(java.util.Locale.ROOT) + ".pdf"));
      out.println(
          "Étape 6 · Attestation "
              + type
              + " enregistrée : "
              + file.toAbsolutePath().normalize()
              + " ("
              + pdf.size()
              + " octets)");
      if (session.canRequestAttestation(type, Action.ATTESTATION_POSTALE)) {
        EnvoiPostalReceipt receipt = dossier.requestAttestationByPost(type);
        out.println(
            "Étape 6 · Attestation "
                + type
                + " envoyée par courrier à l'allocataire : accusé "
                + receipt.reference()
                + ", envoi prévu le "
                + receipt.dateEnvoiPrevue());
      }
      if (session.can(Action.DIALOGUE)) {
        DialogueReceipt receipt =
            caf.sendDialogue(
                DialogueMessage.builder()
                    .objet("Démonstration : demande de précision")
                    .message("Message de démonstration envoyé au simulateur par cdap demo.")
                    .dossier(dossier)
                    .build());
        out.println(
            "Étape 6 · Message Dialogue envoyé à la CAF 751 : accusé " + receipt.reference());
      }
      AideEnLigne aide = session.help();
      out.println("Étape 7 · Aide en ligne : " + aide.fiches().size() + " fiches pratiques");
      aide.fiches().forEach(f -> out.println("  - " + f.titre() + " [" + f.categorie() + "]"));
      out.println();
      out.println(
          "Journal d'audit : "
              + journal.file().toAbsolutePath().normalize()
              + " ("
              + (journal.records() - recordsBefore)
              + " enregistrements ajoutés, "
              + journal.records()
              + " au total ; clé "
              + audit.keyFile().toAbsolutePath().normalize()
              + ")");
      out.println(
          "  vérifier : cdap audit verify "
              + journal.file()
              + (audit.keyFile != null ? " --key-file " + audit.keyFile : ""));
      out.println("Fin de la démonstration : déconnexion.");
    }
    out.flush();
    return ExitCodes.OK;
  }
}
