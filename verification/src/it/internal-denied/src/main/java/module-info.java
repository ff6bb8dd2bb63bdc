module net.cdapkit.example.internal {
  requires net.cdapkit;
}
