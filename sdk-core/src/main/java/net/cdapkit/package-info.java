/**
 * The CDAP partner consultation SDK: {@link net.cdapkit.CdapClient} is the front door.
 *
 * <p>The flow follows the CAF partner guide: {@link net.cdapkit.CdapClient#authenticate()} gives a
 * {@link net.cdapkit.CdapSession} (partner, agent, profile, habilitations); {@link
 * net.cdapkit.CdapSession#selectCaf(net.cdapkit.model.CafCode)} picks the allocataire's CAF; {@link
 * net.cdapkit.CafContext#consultDossier(net.cdapkit.model.NumeroAllocataire,
 * net.cdapkit.model.Finalite)} opens a {@link net.cdapkit.Dossier} for a declared purpose, whose
 * accessors read the ten tabs and request attestations; {@link
 * net.cdapkit.CafContext#sendDialogue(net.cdapkit.DialogueMessage)} writes to the CAF.
 *
 * <pre>{@code
 * CdapClient client = CdapClient.builder()
 *     .baseUrl("https://cdap.example.org/api/v1/")
 *     .credentials(CredentialsProvider.fromEnvironment())
 *     .build();
 * try (CdapSession session = client.authenticate()) {
 *   Dossier dossier = session.selectCaf("751")
 *       .consultDossier("9900001", Finalite.of(FinaliteCode.ACCOMPAGNEMENT_SOCIAL));
 *   Rsa rsa = dossier.rsa();
 * }
 * }</pre>
 */
package net.cdapkit;
