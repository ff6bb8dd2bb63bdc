package net.cdapkit;

import java.util.ArrayList;
import java.util.List;
import net.cdapkit.audit.AuditKey;
import net.cdapkit.audit.AuditRecord;
import net.cdapkit.audit.AuditSink;
import net.cdapkit.model.CafCode;
import net.cdapkit.model.NumeroAllocataire;

/** Keeps records in memory; can be told to fail its next appends. */
final class RecordingAuditSink implements AuditSink {
  final AuditKey key = AuditKey.generate();
  private final List<AuditRecord> records = new ArrayList<>();
  private int failuresToCome;
  private int successesBeforeFailing = -1;

  synchronized List<AuditRecord> records() {
    return List.copyOf(records);
  }

  /** Fails every append from now on. */
  synchronized void failFromNow() {
    failuresToCome = Integer.MAX_VALUE;
  }

  /** Accepts {@code n} more appends, then fails the next one. */
  synchronized void failAfter(int n) {
    successesBeforeFailing = n;
  }

  @Override
  public synchronized void append(AuditRecord record) {
    if (successesBeforeFailing == 0) {
      successesBeforeFailing = -1;
      failuresToCome = 1;
    } else if (successesBeforeFailing > 0) {
      successesBeforeFailing--;
    }
    if (failuresToCome > 0) {
      failuresToCome--;
      throw new IllegalStateException("disk full while writing " + record);
    }
    records.add(record);
  }

  @Override
  public String pseudonym(CafCode caf, NumeroAllocataire numero) {
    return key.pseudonym(caf, numero);
  }
}
