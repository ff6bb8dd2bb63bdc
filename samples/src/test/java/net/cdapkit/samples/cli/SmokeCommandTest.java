package net.cdapkit.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.cdapkit.CredentialsProvider;
import net.cdapkit.audit.AuditJournalVerifier;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.model.CafCode;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Fault;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cdap smoke} against the simulator standing in for a partner's new environment. */
class SmokeCommandTest {
  private static CdapSimulator sim;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  @BeforeAll
  static void start() {
    sim = CdapSimulator.builder().build().start();
  }

  @AfterAll
  static void stop() {
    sim.stop();
  }

  @BeforeEach
  void reset() {
    sim.reset();
  }

  private Run smoke(String login, String password, String... extra) {
    return smokeOn("9900001", login, password, extra);
  }

  private Run smokeOn(String numero, String login, String password, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "smoke",
                "--server",
                sim.baseUrl(),
                "--caf",
                "751",
                "--allocataire",
                numero,
                "--finalite",
                "ACCOMPAGNEMENT_SOCIAL",
                "--audit-file",
                dir.resolve("audit.jsonl").toString(),
                "--key-file",
                dir.resolve("audit.key").toString()));
    args.addAll(List.of(extra));
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> cls) throws Exception {
            return cls == SmokeCommand.class
                ? cls.cast(new SmokeCommand(CredentialsProvider.of(login, password)))
                : CommandLine.defaultFactory().create(cls);
          }
        };
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        CdapCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), factory)
            .execute(args.toArray(new String[0]));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void smoke_whenEveryStepSucceeds_printsOneLinePerStepAndExitsZero_withoutEffects() {
    Run run = smoke("demo-t1", CdapSimulator.DEMO_PASSWORD);

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    List<String> steps = run.out().lines().filter(l -> l.matches("^(ok|skip|FAIL) .*")).toList();
    assertThat(steps).hasSize(18);
    assertThat(steps)
        .anySatisfy(l -> assertThat(l).startsWith("ok").contains("authenticate").contains(" ms"))
        .anySatisfy(l -> assertThat(l).startsWith("ok").contains("tab paiements"))
        .anySatisfy(l -> assertThat(l).startsWith("ok").contains("attestation pdf"))
        .anySatisfy(
            l -> assertThat(l).startsWith("skip").contains("dialogue").contains("--with-effects"))
        .anySatisfy(l -> assertThat(l).startsWith("ok").contains("logout"));
    assertThat(run.out()).contains("smoke: passed").doesNotContain("9900001");
    assertThat(sim.dialogues()).isEmpty();
    assertThat(sim.envoisPostaux()).isEmpty();
    AuditJournalVerifier.Result journal =
        AuditJournalVerifier.verify(
            dir.resolve("audit.jsonl"), AuditKey.load(dir.resolve("audit.key")));
    assertThat(journal.intact()).isTrue();
    assertThat(journal.records()).isPositive();
  }

  @Test
  void smoke_withEffects_sendsThePostalAttestationAndTheDialogueOnce() {
    Run run = smoke("demo-t1", CdapSimulator.DEMO_PASSWORD, "--with-effects");

    assertThat(run.code()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .containsPattern("ok +\\d+/18  attestation by post")
        .containsPattern("ok +\\d+/18  dialogue");
    assertThat(sim.dialogues(CafCode.of("751"))).hasSize(1);
    assertThat(sim.envoisPostaux()).hasSize(1);
  }

  @Test
  void smoke_whenAStepFails_stopsThereWithItsExitCode() {
    sim.faults().on(Operation.TAB_DROITS).always().inject(Fault.http(500));

    Run run = smoke("demo-t1", CdapSimulator.DEMO_PASSWORD);

    assertThat(run.code()).isEqualTo(ExitCodes.FAILURE);
    assertThat(run.out())
        .containsPattern("FAIL +\\d+/18  tab droits .* ms  ServerException")
        .contains("smoke: failed at step")
        .doesNotContain("tab famille")
        .doesNotContain("help")
        .doesNotContain("9900001");
  }

  @Test
  void smoke_whenTheCredentialsAreWrong_failsAtAuthenticationWithExitTwo() {
    Run run = smoke("demo-t1", "not-the-password");

    assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.out())
        .containsPattern("FAIL +1/18  authenticate")
        .doesNotContain("not-the-password");
  }

  @Test
  void smoke_whenTheNumeroIsMalformed_sendsNothing() {
    Run run = smokeOn("12ab", "demo-t1", CdapSimulator.DEMO_PASSWORD);

    assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(sim.verify().requests()).isEmpty();
  }
}
