package net.cdapkit.samples.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.cdapkit.testkit.CdapSimulator;
import net.cdapkit.testkit.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guide in a real browser (headless Chromium): what an agent sees and can do on each page. One
 * application context and one browser for the class; each test starts without cookies.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      EmbeddedSimulator.RECORD_REQUESTS + "=true",
      "cdap.audit.journal=target/test-audit/cdap-audit.jsonl",
      "cdap.audit.key-file=target/test-audit/audit.key"
    })
@ExtendWith(OutputCaptureExtension.class)
class PartnerWebappBrowserIntegrationTest {
  private static final String DEMO_DOSSIER = "9900001";
  private static ChromeDriver browser;

  @LocalServerPort int port;
  @Autowired CdapSimulator simulator;

  private final List<String> urlsSeen = new ArrayList<>();

  @BeforeAll
  static void startBrowser() {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @BeforeEach
  void freshVisitor() {
    browser.manage().deleteAllCookies();
    simulator.reset();
  }

  @AfterEach
  void evidence(TestInfo test, CapturedOutput output) {
    Chromium.screenshot(browser, "last-" + test.getTestMethod().orElseThrow().getName());
    // Whatever the test did: no numéro in any URL the browser went to or the SDK sent, and no
    // personal data of the dossiers consulted in the application's log.
    assertThat(urlsSeen).noneMatch(url -> url.contains(DEMO_DOSSIER));
    simulator.verify().assertNoSecretsInUrls().assertEveryConsultationHasFinalite();
    simulator.compliance().assertNoPersonalDataIn("application log", output.getAll());
  }

  @Test
  void guide_asT1_walksEveryStepEndToEnd() {
    // Step 1: log in with the identifiers the CAF sent.
    logIn("demo-t1");
    assertThat(text(By.id("profil"))).isEqualTo("T1");

    // Steps 2-3: "Consulter Dossiers", the CAF, the numéro, the finalité, "consulter".
    browser.findElement(By.id("menu-consulter")).click();
    consult("751", DEMO_DOSSIER, "ACCOMPAGNEMENT_SOCIAL");
    assertThat(browser.getCurrentUrl()).contains("/dossiers/").doesNotContain(DEMO_DOSSIER);
    assertThat(text(By.id("finalite"))).isEqualTo("Accompagnement social");

    // Steps 4-5: every tab of profile T1, each with its content.
    assertThat(tabLabels())
        .containsExactly(
            "Synthèse",
            "Résumé du dossier",
            "Paiements",
            "Droits",
            "Composition de la famille",
            "Ressources",
            "RSA",
            "Courriers",
            "Informations logement",
            "Créances");
    assertThat(text(By.id("allocataire"))).isNotBlank();
    for (String tab : List.of("resume", "droits", "famille", "ressources", "rsa", "logement")) {
      click(By.id("onglet-" + tab));
      assertThat(browser.findElement(By.cssSelector("#onglets a.actif")).getAttribute("id"))
          .isEqualTo("onglet-" + tab);
    }
    click(By.id("onglet-paiements"));
    assertThat(browser.findElements(By.cssSelector("#paiements tbody tr"))).isNotEmpty();
    String period = text(By.id("periode"));
    click(By.id("periode-precedente"));
    assertThat(text(By.id("periode"))).isNotEqualTo(period);
    click(By.id("periode-suivante"));
    assertThat(text(By.id("periode"))).isEqualTo(period);
    click(By.id("onglet-courriers"));
    assertThat(browser.findElements(By.cssSelector("#courriers tbody tr"))).isNotEmpty();
    click(By.id("onglet-synthese"));
    Chromium.screenshot(browser, "dossier-t1");

    // Step 6, "Attestation": the PDF served inline, for the browser to show and print.
    Map<?, ?> pdf = fetchAttestationPdf("PAIEMENT");
    assertThat(pdf.get("status")).isEqualTo(200L);
    assertThat(pdf.get("type")).isEqualTo("application/pdf");
    assertThat((String) pdf.get("disposition")).startsWith("inline");
    assertThat(pdf.get("magic")).isEqualTo("%PDF");

    // Step 6, "Attestation" sent by post: the CAF's receipt is shown.
    click(By.id("courrier-PAIEMENT"));
    assertThat(text(By.id("recu-courrier"))).contains("envoyée par courrier").contains("ENV-");
    assertThat(simulator.envoisPostaux()).hasSize(1);

    // Step 6, "Dialogue": a message to the CAF, and its receipt.
    click(By.id("dialogue"));
    browser.findElement(By.id("objet")).sendKeys("Demande de précision");
    browser
        .findElement(By.id("message"))
        .sendKeys("Bonjour, pouvez-vous préciser le droit ouvert ?");
    click(By.id("envoyer"));
    assertThat(text(By.id("recu-dialogue"))).contains("accusé de réception").contains("DLG-");
    assertThat(simulator.dialogues()).hasSize(1);

    // Step 7, "Aide en ligne".
    click(By.id("menu-aide"));
    assertThat(browser.findElements(By.cssSelector("#fiches li"))).isNotEmpty();

    // Footer: the convention's finalités, those of the profile.
    assertThat(text(By.id("rappel-finalites")))
        .contains("finalités")
        .contains("Accompagnement social", "Aide sociale facultative", "Prévention des expulsions");
  }

  @Test
  void dossier_asT5_showsOnlyTheTabsOfTheProfile() {
    logIn("demo-t5");
    consult("751", DEMO_DOSSIER, "GESTION_LOCATIVE");

    assertThat(tabLabels())
        .containsExactly(
            "Synthèse",
            "Résumé du dossier",
            "Paiements",
            "Droits",
            "Composition de la famille",
            "Informations logement",
            "Créances");
    click(By.id("onglet-famille"));
    assertThat(text(By.id("contenu"))).contains("ne donne pas accès au NIR");
    Chromium.screenshot(browser, "dossier-t5");
    assertThat(simulator.verify().count(Operation.TAB_RSA)).isZero();

    // A tab the profile lacks is not reachable by typing its URL either.
    browser.get(browser.getCurrentUrl().replaceAll("\\?.*", "") + "?onglet=rsa");
    seen();
    assertThat(browser.getTitle()).startsWith("Page introuvable");
    assertThat(simulator.verify().count(Operation.TAB_RSA)).isZero();
  }

  @Test
  void dossier_asT4_showsNoActionTheProfileLacks() {
    logIn("demo-t4");
    consult("751", DEMO_DOSSIER, "TARIFICATION_QUOTIENT_FAMILIAL");

    // T4 may view the quotient familial attestation only, never post one nor use Dialogue.
    assertThat(browser.findElements(By.cssSelector("#attestation button")))
        .extracting(e -> e.getAttribute("id"))
        .containsExactly("pdf-QUOTIENT_FAMILIAL");
    assertThat(browser.findElements(By.id("dialogue"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("[id^=courrier-]"))).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain("Écrire à la Caf");
  }

  @Test
  void login_withWrongPassword_saysSoAndStaysOnTheLoginPage() {
    logIn("demo-t1", "not-the-password");
    assertThat(text(By.id("erreur"))).isEqualTo("Identifiant ou mot de passe incorrect.");
    assertThat(browser.findElement(By.id("motDePasse")).getAttribute("value")).isEmpty();

    logIn("demo-suspendu");
    assertThat(text(By.id("erreur"))).contains("habilitation est suspendue");

    logIn("demo-renouvellement");
    assertThat(text(By.id("erreur"))).contains("mot de passe doit être renouvelé");
    Chromium.screenshot(browser, "connexion-renouvellement");
  }

  @Test
  void logout_closesTheCdapSessionAndTheDossierIsGone() {
    logIn("demo-t1");
    consult("751", DEMO_DOSSIER, "ACCOMPAGNEMENT_SOCIAL");
    String dossierUrl = browser.getCurrentUrl();

    click(By.id("deconnexion"));
    assertThat(text(By.id("info"))).isEqualTo("Vous êtes déconnecté de CDAP.");
    assertThat(simulator.verify().count(Operation.LOGOUT)).isEqualTo(1);

    browser.get(dossierUrl);
    seen();
    assertThat(browser.findElements(By.id("seConnecter"))).hasSize(1);
    assertThat(browser.getPageSource()).doesNotContain(DEMO_DOSSIER);
  }

  private void logIn(String login) {
    logIn(login, "demo-password");
  }

  private void logIn(String login, String password) {
    browser.get("http://localhost:" + port + "/connexion");
    seen();
    browser.findElement(By.id("identifiant")).clear();
    browser.findElement(By.id("identifiant")).sendKeys(login);
    browser.findElement(By.id("motDePasse")).sendKeys(password);
    click(By.id("seConnecter"));
  }

  private void consult(String caf, String numero, String finalite) {
    new Select(browser.findElement(By.id("caf"))).selectByValue(caf);
    browser.findElement(By.id("numero")).sendKeys(numero);
    new Select(browser.findElement(By.id("finalite"))).selectByValue(finalite);
    click(By.id("consulter"));
    assertThat(browser.findElements(By.id("onglets"))).as("dossier page").hasSize(1);
  }

  private List<String> tabLabels() {
    return browser.findElements(By.cssSelector("#onglets a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** Posts the attestation form as the button would, reading the answer instead of showing it. */
  private Map<?, ?> fetchAttestationPdf(String type) {
    String script =
        "const form = document.getElementById('pdf-' + arguments[0]).form;"
            + "const done = arguments[arguments.length - 1];"
            + "fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))})"
            + ".then(r => r.arrayBuffer().then(b => done({status: r.status,"
            + " type: r.headers.get('Content-Type'), disposition:"
            + " r.headers.get('Content-Disposition'),"
            + " magic: String.fromCharCode(...new Uint8Array(b.slice(0, 4)))})))"
            + ".catch(e => done({error: String(e)}));";
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript(script, type);
  }

  /** Clicks something that loads a new page, and waits for that page. */
  private void click(By by) {
    // A mark on the current window object: a new document comes with a new one. (Chromedriver
    // answers a staleness check on a replaced node with an error rather than "stale".)
    browser.executeScript("window.cdapkitPreviousPage = true;");
    browser.findElement(by).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(
            d ->
                Boolean.TRUE.equals(
                    browser.executeScript(
                        "return window.cdapkitPreviousPage === undefined"
                            + " && document.readyState === 'complete';")));
    seen();
  }

  private String text(By by) {
    return browser.findElement(by).getText();
  }

  private void seen() {
    urlsSeen.add(browser.getCurrentUrl());
  }
}
