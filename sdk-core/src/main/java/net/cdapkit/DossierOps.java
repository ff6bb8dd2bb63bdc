package net.cdapkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import net.cdapkit.audit.AuditOperation;
import net.cdapkit.capability.Action;
import net.cdapkit.capability.Tab;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.ProtocolException;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.model.AttestationType;
import net.cdapkit.model.CourriersPage;
import net.cdapkit.model.EnvoiPostalReceipt;
import net.cdapkit.model.PageInfo;
import net.cdapkit.model.PaiementsPage;
import net.cdapkit.model.Perimetre;

/**
 * The operations of one {@link Dossier} view, as {@link Op}s for the {@link CallPipeline}: what
 * each checks, audits, sends and decodes. {@link Dossier} runs them blocking and {@link
 * AsyncDossier} asynchronously, so each is described once; the public surface stays in those two.
 */
final class DossierOps {
  /** Lines per page asked for when walking a history; the contract's maximum. */
  static final int PAGE_SIZE = 100;

  private final Dossier dossier;
  private final CdapSession session;

  DossierOps(Dossier dossier) {
    this.dossier = dossier;
    this.session = dossier.session();
  }

  private <T> Op<T> on(CdapOperation operation, AuditOperation audited, RequestOptions opts) {
    Op<T> op = new Op<T>(operation, session).options(opts);
    op.caf = dossier.caf().value();
    op.dossier = dossier;
    op.finalite = dossier.finalite().code().code();
    op.event = Audit.Event.on(dossier, audited);
    return op;
  }

  @SuppressWarnings("unchecked")
  <T> Op<T> readOp(TabRead<T> read) {
    Tab tab = read.tab();
    String operation = "tab." + tab.wireName();
    Op<T> op = on(read.operation(), AuditOperation.TAB, dossier.options());
    op.event = op.event.tab(tab);
    op.capability = "tab " + tab.wireName();
    return op.check(DenialKind.CAPABILITY, () -> session.requireTab(tab))
        .request((api, tag, ref) -> api.tab(tag, ref, tab.wireName()))
        .decode((exchange, g) -> (T) ApiCaller.decode(exchange, read.type(), operation));
  }

  /**
   * A lazy history: its checks run now (a denied tab fails at once, nothing sent), and each page is
   * a call of its own when the iteration reaches it.
   */
  History<Object> history(Tab tab, Periode periode) {
    dossier.pipeline().admit(pageOp(tab, periode, 0));
    return new History<>(n -> dossier.pipeline().call(pageOp(tab, periode, n)));
  }

  /** One page of a history tab. */
  Op<History.Page<Object>> pageOp(Tab tab, Periode periode, int number) {
    String operation = "tab." + tab.wireName();
    String du = periode.du().map(Object::toString).orElse(null);
    String au = periode.au().map(Object::toString).orElse(null);
    Op<History.Page<Object>> op =
        on(CdapOperation.forTab(tab), AuditOperation.TAB, dossier.options());
    op.event = op.event.tab(tab).page(number);
    op.capability = "tab " + tab.wireName();
    return op.check(DenialKind.CAPABILITY, () -> session.requireTab(tab))
        .request(
            (api, tag, ref) -> api.pagedTab(tag, ref, tab.wireName(), du, au, number, PAGE_SIZE))
        .decode(
            (exchange, g) ->
                tab == Tab.PAIEMENTS
                    ? page(ApiCaller.decode(exchange, PaiementsPage.class, operation))
                    : page(ApiCaller.decode(exchange, CourriersPage.class, operation)));
  }

  Op<AttestationPdf> attestationOp(AttestationType type) {
    Op<AttestationPdf> op =
        on(CdapOperation.ATTESTATION_PDF, AuditOperation.ATTESTATION_PDF, dossier.options());
    op.event = op.event.attestation(type);
    op.capability = type == null ? "attestation" : "attestation " + type.name();
    String operation = "attestation.pdf";
    return op.validate(() -> Dossier.requireNonNull(type, "Attestation type"))
        .check(
            DenialKind.CAPABILITY, () -> session.requireAttestation(type, Action.ATTESTATION_PDF))
        .request((api, tag, ref) -> api.attestationPdf(tag, ref, type.name()))
        .decode(
            (exchange, g) -> {
              byte[] body = exchange.body();
              boolean isPdf =
                  body.length > 4
                      && body[0] == '%'
                      && body[1] == 'P'
                      && body[2] == 'D'
                      && body[3] == 'F';
              if (!exchange.contentType().equals("application/pdf") || !isPdf) {
                throw new ProtocolException(
                    "Expected a PDF document for " + operation,
                    exchange.requestId(),
                    exchange.attempts(),
                    null);
              }
              return new AttestationPdf(type, body);
            });
  }

  Op<EnvoiPostalReceipt> postalOp(AttestationType type, RequestOptions opts) {
    Op<EnvoiPostalReceipt> op =
        on(CdapOperation.ATTESTATION_POSTALE, AuditOperation.ATTESTATION_POSTALE, opts);
    op.event = op.event.attestation(type);
    op.capability = type == null ? "attestation postale" : "attestation postale " + type.name();
    op.idempotencyKey =
        opts == null ? null : opts.idempotencyKey().orElseGet(() -> "env-" + UUID.randomUUID());
    return op.validate(
            () -> {
              Dossier.requireNonNull(type, "Attestation type");
              Dossier.requireNonNull(opts, "Request options");
            })
        .check(
            DenialKind.CAPABILITY,
            () -> session.requireAttestation(type, Action.ATTESTATION_POSTALE))
        .request((api, tag, ref) -> api.attestationPostale(tag, ref, type.name()))
        .decode((exchange, g) -> receipt(exchange, type));
  }

  /**
   * Decodes a postal receipt. Its {@code type} is the one field of the contract holding a single
   * enum value: a type this SDK does not know is read as the type requested (the server has sent
   * that letter) rather than failing a send that took effect.
   */
  private static EnvoiPostalReceipt receipt(Exchange exchange, AttestationType requested) {
    try {
      return ApiCaller.decode(exchange, EnvoiPostalReceipt.class, "attestation.postale");
    } catch (ProtocolException e) {
      try {
        com.squareup.moshi.JsonAdapter<Object> tree =
            net.cdapkit.internal.json.CdapJson.moshi().adapter(Object.class);
        Object parsed = tree.fromJson(new okio.Buffer().write(exchange.body()));
        if (parsed instanceof java.util.Map<?, ?> map
            && map.get("type") instanceof String t
            && java.util.Arrays.stream(AttestationType.values())
                .noneMatch(v -> v.name().equals(t))) {
          @SuppressWarnings("unchecked")
          java.util.Map<String, Object> copy =
              new java.util.LinkedHashMap<>((java.util.Map<String, Object>) map);
          copy.put("type", requested.name());
          okio.Buffer rewritten = new okio.Buffer();
          tree.toJson(rewritten, copy);
          return ApiCaller.decode(
              new Exchange(
                  exchange.status(),
                  rewritten.readByteArray(),
                  exchange.contentType(),
                  exchange.requestId(),
                  exchange.attempts()),
              EnvoiPostalReceipt.class,
              "attestation.postale");
        }
      } catch (java.io.IOException | RuntimeException ignored) {
        // not the one leniency this decoder allows: the original failure stands
      }
      throw e;
    }
  }

  /** The asynchronous form of a history: every page fetched, one after the other. */
  <T> CompletableFuture<History<T>> historyAsync(Tab tab, Periode periode) {
    if (periode == null) {
      return CompletableFuture.failedFuture(new InvalidInputException("Periode is required"));
    }
    try {
      dossier.pipeline().admit(pageOp(tab, periode, 0));
    } catch (RuntimeException refused) {
      return CompletableFuture.failedFuture(refused);
    }
    List<History.Page<T>> pages = new ArrayList<>();
    return pageAsync(tab, periode, 0, pages).thenApply(done -> History.of(List.copyOf(pages)));
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> CompletableFuture<Void> pageAsync(
      Tab tab, Periode periode, int number, List<History.Page<T>> pages) {
    return dossier
        .pipeline()
        .callAsync(pageOp(tab, periode, number))
        .thenCompose(
            page -> {
              History.checkPage(page, number, pages.size() + 1, "tab." + tab.wireName());
              pages.add((History.Page) page);
              return page.next().isPresent()
                  ? pageAsync(tab, periode, page.next().get(), pages)
                  : CompletableFuture.<Void>completedFuture(null);
            });
  }

  private static History.Page<Object> page(PaiementsPage p) {
    return page(p.page(), new ArrayList<Object>(p.elements()), p.perimetre());
  }

  private static History.Page<Object> page(CourriersPage p) {
    return page(p.page(), new ArrayList<Object>(p.elements()), Perimetre.COMPLET);
  }

  private static History.Page<Object> page(
      PageInfo info, List<Object> elements, Perimetre perimetre) {
    List<Object> lines = List.copyOf(elements);
    return new History.Page<>() {
      @Override
      public int numero() {
        return info.numero();
      }

      @Override
      public List<Object> elements() {
        return lines;
      }

      @Override
      public Optional<Integer> next() {
        return info.suivante();
      }

      @Override
      public Perimetre perimetre() {
        return perimetre;
      }
    };
  }
}
