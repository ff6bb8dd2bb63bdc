package net.cdapkit.audit;

import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/** The sink that keeps nothing; the client recognises it and skips building records. */
final class NoAuditSink implements AuditSink {
  static final NoAuditSink INSTANCE = new NoAuditSink();

  private NoAuditSink() {}

  @Override
  public void append(AuditRecord record) {}

  @Override
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return "0".repeat(64);
  }

  @Override
  public String toString() {
    return "AuditSink.none()";
  }
}
