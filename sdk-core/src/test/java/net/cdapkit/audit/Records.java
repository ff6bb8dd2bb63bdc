package net.cdapkit.audit;

import java.time.Instant;
import net.cdapkit.capability.Tab;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.FinaliteCode;
import net.cdapkit.model.NumeroAllocataire;

/** Audit records for tests, about fictional dossiers. */
final class Records {
  static final CafCode CAF = CafCode.of("751");
  static final NumeroAllocataire NUMERO = NumeroAllocataire.of("9900001");
  static final NumeroAllocataire OTHER = NumeroAllocataire.of("9900002");

  private Records() {}

  static AuditRecord tabRead(AuditKey key, NumeroAllocataire numero, int i) {
    return AuditRecord.builder()
        .time(Instant.parse("2026-03-02T09:00:00Z").plusSeconds(i))
        .operationId("op-" + i)
        .partner("PART-TEST")
        .agent("agent-" + (i % 3))
        .profile("T1")
        .caf(CAF)
        .dossier(key.pseudonym(CAF, numero))
        .operation(AuditOperation.TAB)
        .tab(Tab.PAIEMENTS)
        .page(0)
        .finalite(FinaliteCode.ACCOMPAGNEMENT_SOCIAL)
        .finaliteDetailGiven(true)
        .outcome(AuditOutcome.SUCCESS)
        .requestId("req-" + i)
        .attempts(1)
        .build();
  }
}
