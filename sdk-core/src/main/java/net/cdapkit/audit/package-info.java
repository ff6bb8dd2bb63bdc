/**
 * Traceability of every consultation: audit records, the sink they go to, the default chained
 * journal, its verifier and queries, and the atypical-use guard.
 *
 * <p>Audit is not logging: logs help operate the software and never hold personal data, whereas the
 * journal is the partner's proof, under the convention signed with the CAF, of who consulted which
 * dossier, when and why. The client writes one {@link net.cdapkit.audit.AuditRecord} before each
 * request ({@link net.cdapkit.audit.AuditOutcome#PENDING}) and one with its outcome after it, plus
 * one for each refusal decided before any request.
 *
 * <pre>{@code
 * AuditKey key = AuditKey.loadOrCreate(AuditKey.defaultLocation());   // ~/.cdapkit/audit.key
 * try (JsonLinesAuditJournal journal =
 *     JsonLinesAuditJournal.builder(Path.of("/var/lib/partner/cdap-audit.jsonl"), key).open()) {
 *   CdapClient client = CdapClient.builder()
 *       .baseUrl("https://cdap.example.org/api/v1/")
 *       .credentials(CredentialsProvider.fromEnvironment())
 *       .auditSink(journal)
 *       .build();
 *   // ... consultations ...
 * }
 * AuditJournalVerifier.Result result = AuditJournalVerifier.verify(journalPath, key);
 * }</pre>
 */
package net.cdapkit.audit;
