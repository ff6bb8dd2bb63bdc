/**
 * The cdapkit client: consult CAF dossiers through CDAP with typed, immutable, thread-safe calls.
 *
 * <p>Exports the API packages only. {@code net.cdapkit.internal} and its subpackages are the
 * implementation: a partner's module cannot compile against them.
 */
module net.cdapkit {
  exports net.cdapkit;
  exports net.cdapkit.model;
  exports net.cdapkit.capability;
  exports net.cdapkit.audit;
  exports net.cdapkit.error;
  exports net.cdapkit.event;

  // The client's builder takes and exposes OkHttp types (a partner's own OkHttpClient).
  requires transitive okhttp3;
  requires okio;
  requires retrofit2;
  requires retrofit2.converter.moshi;
  requires com.squareup.moshi;
  requires org.slf4j;
  // Moshi builds reflective adapters for wire classes without a no-argument constructor through
  // sun.misc.Unsafe; as an automatic module it cannot require jdk.unsupported itself, and
  // without it a modular application fails on its first call ("cannot construct instances").
  requires jdk.unsupported;
  // Immutables' annotations are needed to compile, not to run.
  requires static org.immutables.value.annotations;

  // The contract document (net/cdapkit/openapi.yaml) is read by the test kit through its class
  // loader; a resource in a module's package is found only when the package is open.
  opens net.cdapkit;
  // Moshi and Retrofit reflect on the wire types and the service interface.
  opens net.cdapkit.internal.json to
      com.squareup.moshi;
  opens net.cdapkit.internal.http to
      com.squareup.moshi,
      retrofit2;
}
