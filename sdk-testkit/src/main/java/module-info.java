/**
 * The cdapkit test kit: a simulator of the CDAP contract with synthetic dossiers, and a JUnit 5
 * extension.
 *
 * <p>An open module: JUnit instantiates the extension and reads its fields reflectively, and Moshi
 * reflects on the simulator's wire types.
 */
open module net.cdapkit.testkit {
  exports net.cdapkit.testkit;

  requires transitive net.cdapkit;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;
  // WireMock's standalone jar has no module name of its own: its file name gives it one.
  requires wiremock.standalone;
  requires com.squareup.moshi;
  requires okio;
  requires org.snakeyaml.engine;
  requires org.slf4j;
  requires static org.immutables.value.annotations;
}
