/** A partner application that consults a dossier through cdapkit's exported API. */
module net.cdapkit.example {
  requires net.cdapkit;
  requires net.cdapkit.testkit;
}
