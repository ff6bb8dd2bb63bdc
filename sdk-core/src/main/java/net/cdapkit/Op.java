package net.cdapkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.cdapkit.event.CdapOperation;
import net.cdapkit.event.DenialKind;
import net.cdapkit.internal.http.CallContext;
import net.cdapkit.internal.http.CallTag;
import net.cdapkit.internal.http.CdapApi;
import net.cdapkit.internal.http.Exchange;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * What one operation asks of the {@link CallPipeline}: its checks, what it audits, the request it
 * sends and how its answer decodes. Describes; does nothing on its own. Built by the public methods
 * of {@link CdapClient}, {@link CdapSession}, {@link CafContext} and {@link Dossier}, so that each
 * of them is a description and the pipeline alone runs the stages.
 *
 * @param <T> what the caller gets
 */
final class Op<T> {
  /** Builds an attempt's request; {@code reference} is the dossier's, null without a dossier. */
  interface Request {
    Call<ResponseBody> build(CdapApi api, CallTag session, String reference);
  }

  /** Decodes a successful exchange obtained under token generation {@code generation}. */
  interface Decoder<T> {
    T decode(Exchange exchange, long generation);
  }

  /** A check before anything is sent, and the kind of denial it reports. */
  record Check(DenialKind kind, Runnable check) {}

  final CdapOperation operation;
  final CdapSession session; // null for authentication
  String caf;
  Runnable validation = () -> {};
  final List<Check> checks = new ArrayList<>(2);
  boolean consultation;
  Audit.Event event;
  Dossier dossier;
  String finalite;
  String idempotencyKey;
  String capability;
  Duration timeout;
  Duration budget;
  Request request;
  Decoder<T> decoder;

  Op(CdapOperation operation, CdapSession session) {
    this.operation = operation;
    this.session = session;
    this.capability = operation.tagName();
  }

  Op<T> validate(Runnable validation) {
    this.validation = validation;
    return this;
  }

  Op<T> check(DenialKind kind, Runnable check) {
    checks.add(new Check(kind, check));
    return this;
  }

  Op<T> options(RequestOptions options) {
    if (options != null) {
      this.timeout = options.timeout().orElse(null);
      this.budget = options.budget().orElse(null);
    }
    return this;
  }

  Op<T> request(Request request) {
    this.request = request;
    return this;
  }

  Op<T> decode(Decoder<T> decoder) {
    this.decoder = decoder;
    return this;
  }

  /** The context the attempts stage maps failures with. */
  CallContext context() {
    boolean retryable = !operation.hasEffect() || idempotencyKey != null;
    if (operation == CdapOperation.LOGOUT) {
      retryable = false;
    }
    return new CallContext(
        operation.tagName(),
        session == null ? "" : session.profile(),
        capability,
        retryable,
        timeout);
  }
}
