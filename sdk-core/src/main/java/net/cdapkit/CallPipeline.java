package net.cdapkit;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import net.cdapkit.audit.AtypicalUseException;
import net.cdapkit.audit.AuditException;
import net.cdapkit.error.AuthenticationException;
import net.cdapkit.error.CapabilityDeniedException;
import net.cdapkit.error.CdapException;
import net.cdapkit.error.InvalidInputException;
import net.cdapkit.error.NotFoundException;
import net.cdapkit.error.OutcomeUnknownException;
import net.cdapkit.event.CallOutcome;
import net.cdapkit.event.CdapEventListener;
import net.cdapkit.event.DenialKind;
import net.cdapkit.event.RetryReason;
import net.cdapkit.internal.http.ApiCaller;
import net.cdapkit.internal.http.AttemptObserver;
import net.cdapkit.internal.http.CallTag;
import net.cdapkit.internal.http.Exchange;
import net.cdapkit.internal.http.Futures;
import net.cdapkit.internal.pipeline.CallEvents;

/**
 * The one pipeline every operation goes through, blocking or asynchronous, in this order:
 *
 * <ol>
 *   <li>input validation
 *   <li>capability and finalité
 *   <li>usage guard
 *   <li>audit PENDING
 *   <li>time budget
 *   <li>session token (single-flight renewal)
 *   <li>dossier reference
 *   <li>pacing
 *   <li>attempts and retries
 *   <li>size limit and decoding
 *   <li>audit outcome
 * </ol>
 *
 * <p>The first five run on the caller's thread before anything is sent. The others are composed
 * over {@link CompletableFuture}s: a blocking call runs each on its own thread, so the future it
 * joins is already complete; an asynchronous call runs its attempts on OkHttp's dispatcher. The
 * same code therefore decides both, and the listener hears the same events from both.
 */
final class CallPipeline {
  private final CdapClient client;
  private final CdapEventListener listener;

  CallPipeline(CdapClient client, CdapEventListener listener) {
    this.client = client;
    this.listener = listener;
  }

  /** Runs {@code op} on the calling thread and returns its value or throws its typed failure. */
  <T> T call(Op<T> op) {
    return Futures.join(start(op, false));
  }

  /** Runs {@code op} asynchronously; the future fails with what {@link #call} would throw. */
  <T> CompletableFuture<T> callAsync(Op<T> op) {
    return start(op, true);
  }

  /**
   * Runs stages 1 and 2 only, for a call made later (the pages of a lazy history): a refusal is
   * reported as a call of its own and thrown; an admission sends and reports nothing.
   */
  void admit(Op<?> op) {
    CallEvents call =
        new CallEvents(
            listener, op.operation, op.session == null ? "" : op.session.profile(), op.caf, false);
    try {
      validate(op, null);
      authorise(op, null);
    } catch (RuntimeException refused) {
      call.start();
      if (refused instanceof InvalidInputException) {
        call.denied(DenialKind.INVALID_INPUT);
      } else if (refused instanceof CapabilityDeniedException) {
        call.denied(op.checks.isEmpty() ? DenialKind.CAPABILITY : op.checks.get(0).kind());
      }
      call.end(outcomeOf(refused, false), refused);
      throw refused;
    }
  }

  private <T> CompletableFuture<T> start(Op<T> op, boolean async) {
    CdapSession session = op.session;
    CallEvents call =
        new CallEvents(
            listener, op.operation, session == null ? "" : session.profile(), op.caf, async);
    call.start();
    Audit.Pending pending;
    long deadline;
    try {
      validate(op, call); // 1 input validation
      authorise(op, call); // 2 capability and finalité
      guard(op, call); // 3 usage guard
      pending = session == null || op.event == null ? null : session.audit().begin(op.event);
      deadline = client.caller().deadline(op.budget); // 5 time budget
    } catch (RuntimeException refused) {
      call.end(outcomeOf(refused, async), refused);
      return CompletableFuture.failedFuture(refused);
    }
    Executor executor = async ? client.blockingExecutor() : null;
    Exchanging exchanging = new Exchanging(op, call, deadline, executor);
    CompletableFuture<T> result =
        exchanging
            .dispatch() // 6 token, 7 reference, 8 pacing, 9 attempts
            .thenApply(exchange -> op.decoder.decode(exchange, exchanging.generation())) // 10
            .handle((value, error) -> outcome(op, call, pending, exchanging, value, error)); // 11
    if (async) {
      result.whenComplete(
          (value, error) -> {
            if (error instanceof CancellationException) {
              call.end(CallOutcome.CANCELLED, error);
              call.cancel();
            }
          });
    }
    return result;
  }

  // ---- stages 1 to 3: refusals before anything is sent ----

  private static void validate(Op<?> op, CallEvents call) {
    try {
      op.validation.run();
    } catch (InvalidInputException e) {
      if (call != null) {
        call.denied(DenialKind.INVALID_INPUT);
      }
      throw e;
    }
  }

  private static void authorise(Op<?> op, CallEvents call) {
    if (op.session != null) {
      op.session.ensureOpen();
    }
    for (Op.Check check : op.checks) {
      try {
        check.check().run();
      } catch (CapabilityDeniedException e) {
        if (op.event != null) {
          op.session.audit().denied(op.event, e);
        }
        if (call != null) {
          call.denied(check.kind());
        }
        throw e;
      }
    }
  }

  private static void guard(Op<?> op, CallEvents call) {
    if (!op.consultation) {
      return;
    }
    try {
      op.session.audit().admitConsultation(op.event);
    } catch (AtypicalUseException e) {
      call.denied(DenialKind.USAGE_GUARD);
      throw e;
    }
  }

  // ---- stages 6 to 9: one exchange, and the replays a renewal or a new lookup call for ----

  /** The exchanges of one call: its token, its reference, its attempts and at most two replays. */
  private final class Exchanging {
    private final Op<?> op;
    private final CallEvents call;
    private final long deadline;
    private final Executor executor;
    private final CallTag tag;
    private boolean renewed;
    private boolean relooked;
    private SessionToken used;
    private String reference;
    private Exchange exchange;

    Exchanging(Op<?> op, CallEvents call, long deadline, Executor executor) {
      this.op = op;
      this.call = call;
      this.deadline = deadline;
      this.executor = executor;
      CdapSession s = op.session;
      this.tag = new CallTag(s == null ? null : s.agentHeader(), op.finalite, op.idempotencyKey);
    }

    long generation() {
      return used == null ? 0 : used.generation;
    }

    CompletableFuture<Exchange> dispatch() {
      CdapSession session = op.session;
      CompletableFuture<SessionToken> token =
          session == null
              ? CompletableFuture.completedFuture(null)
              : session.token(call, deadline, executor); // 6 session token
      return token
          .thenCompose(
              t -> {
                used = t;
                return op.dossier == null
                    ? CompletableFuture.<String>completedFuture(null)
                    : reference(op.dossier, t); // 7 dossier reference
              })
          .thenCompose(
              ref -> {
                reference = ref;
                if (used != null) {
                  tag.authorization(used.header);
                }
                return client
                    .caller()
                    .exchange( // 8 pacing, 9 attempts and retries
                        op.request.build(client.api(), tag, ref),
                        op.context(),
                        session == null ? null : session.pacing(),
                        deadline,
                        executor,
                        call);
              })
          .thenApply(
              e -> {
                exchange = e;
                return e;
              })
          .exceptionallyCompose(this::replay);
    }

    /**
     * A 401 "expired" renews the token (shared by all callers) and replays once; a 404 37004 (the
     * reference is unknown: it belongs to an older token) looks the dossier up again and replays
     * once. Both keep the idempotency key; an earlier ambiguous failure stays attached.
     */
    private CompletableFuture<Exchange> replay(Throwable error) {
      Throwable e = Futures.unwrap(error);
      CdapSession session = op.session;
      if (e instanceof AuthenticationException expired
          && expired.reason() == AuthenticationException.Reason.TOKEN_EXPIRED
          && session != null
          && session.isOpen()
          && !renewed) {
        renewed = true;
        call.replay(RetryReason.TOKEN_EXPIRED);
        return session
            .renew(used, call, deadline, executor)
            .thenCompose(fresh -> dispatch())
            .exceptionallyCompose(later -> carry(later, expired));
      }
      if (e instanceof NotFoundException unknown
          && "37004".equals(unknown.errorCode())
          && op.dossier != null
          && !relooked) {
        relooked = true;
        op.dossier.forget(reference);
        call.replay(RetryReason.REFERENCE_EXPIRED);
        return dispatch().exceptionallyCompose(later -> carry(later, unknown));
      }
      return CompletableFuture.failedFuture(e);
    }

    /** The dossier's reference for token {@code t}: the one obtained under it, or a new lookup. */
    private CompletableFuture<String> reference(Dossier dossier, SessionToken t) {
      String known = dossier.referenceFor(t.generation);
      if (known != null) {
        return CompletableFuture.completedFuture(known);
      }
      CallTag lookupTag =
          new CallTag(op.session.agentHeader(), dossier.finalite().code().code(), null);
      lookupTag.authorization(t.header);
      return client
          .caller()
          .exchange(
              client.api().lookupDossier(lookupTag, dossier.lookupBody()),
              CafContext.lookupContext(op.session, dossier.caf()),
              op.session.pacing(),
              deadline,
              executor,
              AttemptObserver.NONE)
          .thenApply(e -> dossier.accept(e, t.generation));
    }
  }

  private static CompletableFuture<Exchange> carry(Throwable later, CdapException earlier) {
    Throwable c = Futures.unwrap(later);
    return CompletableFuture.failedFuture(
        c instanceof CdapException typed ? ApiCaller.carryAmbiguity(typed, earlier) : c);
  }

  // ---- stage 11: the audit outcome, and what the caller gets ----

  private <T> T outcome(
      Op<T> op,
      CallEvents call,
      Audit.Pending pending,
      Exchanging exchanging,
      T value,
      Throwable error) {
    if (error == null) {
      try {
        if (pending != null) {
          pending.succeeded(exchanging.exchange);
        }
      } catch (AuditException journal) {
        if (op.idempotencyKey == null) {
          call.end(CallOutcome.FAILED, journal);
          throw journal;
        }
        // The server acted and answered, but the answer may not be handed over unjournaled:
        // the key recovers the same receipt on a resend, without a second effect.
        OutcomeUnknownException unknown =
            new OutcomeUnknownException(
                op.operation.tagName(),
                op.idempotencyKey,
                exchanging.exchange.requestId(),
                exchanging.exchange.attempts(),
                journal);
        call.outcomeUnknown();
        call.end(CallOutcome.OUTCOME_UNKNOWN, unknown);
        throw unknown;
      }
      call.end(CallOutcome.SUCCESS, null);
      return value;
    }
    RuntimeException failure = Futures.rethrowable(Futures.unwrap(error));
    if (op.idempotencyKey != null
        && failure instanceof CdapException typed
        && !(failure instanceof OutcomeUnknownException)
        && ApiCaller.mayHaveTakenEffect(typed)) {
      // Unknown too: a 2xx whose receipt is unreadable, and a definite refusal (say a 429)
      // that came after an attempt with no answer.
      failure =
          new OutcomeUnknownException(
              op.operation.tagName(),
              op.idempotencyKey,
              typed.requestId().orElse(null),
              typed.attempts(),
              typed);
    }
    if (pending != null) {
      pending.failed(failure);
    }
    if (failure instanceof OutcomeUnknownException) {
      call.outcomeUnknown();
    }
    call.end(outcomeOf(failure, call.async()), failure);
    throw failure;
  }

  private static CallOutcome outcomeOf(RuntimeException e, boolean async) {
    if (e instanceof CapabilityDeniedException
        || e instanceof AtypicalUseException
        || e instanceof InvalidInputException) {
      return CallOutcome.DENIED;
    }
    if (e instanceof OutcomeUnknownException) {
      return CallOutcome.OUTCOME_UNKNOWN;
    }
    if (e instanceof CancellationException || (!async && Thread.currentThread().isInterrupted())) {
      return CallOutcome.CANCELLED;
    }
    return CallOutcome.FAILED;
  }
}
