package net.cdapkit.spring.boot;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code cdap.*} properties the starter builds its {@code CdapClient} and audit journal from.
 * Secrets (the password, the journal key) are best given through the environment ({@code
 * CDAP_CREDENTIALS_PASSWORD}, {@code CDAP_AUDIT_KEY}) or a secret store; {@link #toString()} never
 * shows them.
 *
 * @param baseUrl the server's base URL, ending in {@code /api/v1/}; https except for loopback.
 *     Required unless the application defines its own {@code CdapClient} bean
 * @param credentials the service account used by {@code CdapClient.authenticate()} and the health
 *     indicator; read from the Spring environment at each authentication
 * @param timeouts HTTP timeouts
 * @param retry how calls are retried
 * @param rateLimit how fast each session may send requests
 * @param audit the audit journal
 * @param usageGuard the atypical-use guard
 * @param health the Actuator health indicator
 */
@ConfigurationProperties("cdap")
public record CdapProperties(
    String baseUrl,
    @DefaultValue Credentials credentials,
    @DefaultValue Timeouts timeouts,
    @DefaultValue Retry retry,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue Audit audit,
    @DefaultValue UsageGuard usageGuard,
    @DefaultValue Health health) {

  /**
   * The service account's CAF-issued identifiers. An application where each agent logs in with
   * their own leaves them unset and calls {@code authenticate(CredentialsProvider)}.
   *
   * @param login the login
   * @param password the password; never shown by {@code toString}
   */
  public record Credentials(String login, String password) {
    /**
     * Whether a login is configured.
     *
     * @return true if {@code login} is set and not blank
     */
    public boolean configured() {
      return login != null && !login.isBlank();
    }

    @Override
    public String toString() {
      return "Credentials[login=" + (configured() ? "****" : "unset") + ", password=****]";
    }
  }

  /**
   * HTTP timeouts.
   *
   * @param connect to open a connection
   * @param read between two bytes read
   * @param write between two bytes written
   * @param call one attempt, first byte to last
   */
  public record Timeouts(
      @DefaultValue("10s") Duration connect,
      @DefaultValue("30s") Duration read,
      @DefaultValue("30s") Duration write,
      @DefaultValue("60s") Duration call) {}

  /**
   * How calls are retried: reads always, sends only with their idempotency key.
   *
   * @param maxAttempts attempts including the first, 1 (no retry) to 10
   * @param initialBackoff the first wait, doubled at each retry, with full jitter
   * @param maxBackoff the longest wait
   * @param budget the time allowed for all attempts and waits of one call
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("200ms") Duration initialBackoff,
      @DefaultValue("5s") Duration maxBackoff,
      @DefaultValue("30s") Duration budget) {}

  /**
   * Client-side pacing of each session's requests.
   *
   * @param mode {@code server-declared} (the rate the server declares at authentication), {@code
   *     fixed} ({@code per-second}) or {@code none}
   * @param perSecond requests per second in {@code fixed} mode
   * @param burst requests allowed at once in {@code fixed} mode (default half a second's worth)
   */
  public record RateLimit(
      @DefaultValue("server-declared") RateLimitMode mode, Double perSecond, Integer burst) {}

  /** How each session's requests are paced. */
  public enum RateLimitMode {
    /** At the rate the server declares at authentication. */
    SERVER_DECLARED,
    /** At {@code cdap.rate-limit.per-second}. */
    FIXED,
    /** Not paced (the server's 429s are still retried). */
    NONE
  }

  /**
   * The audit journal: who consulted which dossier, when and why.
   *
   * @param journal the JSON-lines journal file; unset, nothing is journaled (and the SDK warns for
   *     a non-loopback server)
   * @param key the journal key itself, base64 of 32 bytes, e.g. from a secret store; wins over
   *     {@code key-file}; never shown by {@code toString}
   * @param keyFile the journal key's file, kept apart from the journal; created if missing (default
   *     {@code ~/.cdapkit/audit.key})
   * @param fsync whether each record is forced to the disk before the call goes on
   * @param failClosed whether a record that cannot be written stops the operation
   * @param finaliteDetail whether the finalité's free-text detail is journaled
   * @param shared whether several processes append to the journal at once (locked per append, e.g.
   *     two instances on one host during a rolling restart) rather than one process owning it while
   *     open; see {@code JsonLinesAuditJournal.Builder.shared}
   * @param lockWait how long start-up waits for another process to release the journal, e.g. the
   *     instance being replaced; zero (the default) fails start-up at once
   */
  public record Audit(
      Path journal,
      Path keyFile,
      String key,
      @DefaultValue("false") boolean fsync,
      @DefaultValue("true") boolean failClosed,
      @DefaultValue("false") boolean finaliteDetail,
      @DefaultValue("false") boolean shared,
      @DefaultValue("0s") Duration lockWait) {
    /**
     * Checks the lock wait.
     *
     * @param journal the JSON-lines journal file, or null
     * @param keyFile the journal key's file, or null for the default
     * @param key the journal key, base64, or null
     * @param fsync whether each record is forced to the disk
     * @param failClosed whether a record that cannot be written stops the operation
     * @param finaliteDetail whether the finalité's free-text detail is journaled
     * @param shared whether several processes append to the journal at once
     * @param lockWait how long start-up waits for another process's lock; null for zero
     */
    @ConstructorBinding
    public Audit {
      if (lockWait == null) {
        lockWait = Duration.ZERO;
      }
      if (lockWait.isNegative()) {
        throw new IllegalArgumentException("cdap.audit.lock-wait must be zero or positive");
      }
    }

    /**
     * The properties as 0.2.0 had them: an exclusive journal, no wait.
     *
     * @param journal the JSON-lines journal file, or null
     * @param keyFile the journal key's file, or null for the default
     * @param key the journal key, base64, or null
     * @param fsync whether each record is forced to the disk
     * @param failClosed whether a record that cannot be written stops the operation
     * @param finaliteDetail whether the finalité's free-text detail is journaled
     */
    public Audit(
        Path journal,
        Path keyFile,
        String key,
        boolean fsync,
        boolean failClosed,
        boolean finaliteDetail) {
      this(journal, keyFile, key, fsync, failClosed, finaliteDetail, false, Duration.ZERO);
    }

    @Override
    public String toString() {
      return "Audit[journal="
          + journal
          + ", keyFile="
          + keyFile
          + ", key="
          + (key == null ? "unset" : "****")
          + ", fsync="
          + fsync
          + ", failClosed="
          + failClosed
          + ", finaliteDetail="
          + finaliteDetail
          + ", shared="
          + shared
          + ", lockWait="
          + lockWait
          + "]";
    }
  }

  /**
   * The atypical-use guard, asked before each consultation.
   *
   * @param mode {@code warn} (log and let go), {@code block} (refuse) or {@code off}
   * @param maxPerHour consultations per agent in any hour before the guard speaks
   * @param maxPerDay consultations per agent in any 24 hours before the guard speaks
   */
  public record UsageGuard(
      @DefaultValue("warn") UsageGuardMode mode,
      @DefaultValue("60") int maxPerHour,
      @DefaultValue("250") int maxPerDay) {}

  /** What the usage guard does with an atypical use. */
  public enum UsageGuardMode {
    /** Log a warning and let the consultation go. */
    WARN,
    /** Refuse the consultation with {@code AtypicalUseException}. */
    BLOCK,
    /** No guard. */
    OFF
  }

  /**
   * The Actuator health indicator ({@code management.health.cdap.enabled} turns it off).
   *
   * @param cacheFor how long a result is reused before the server is asked again; at least one
   *     minute, so that probes never load the server
   */
  public record Health(@DefaultValue("1m") Duration cacheFor) {
    /** The shortest {@code cache-for} accepted. */
    public static final Duration MINIMUM = Duration.ofMinutes(1);

    /**
     * Checks the cache duration.
     *
     * @param cacheFor how long a result is reused; at least {@link #MINIMUM}
     * @throws IllegalArgumentException when shorter than {@link #MINIMUM}
     */
    public Health {
      if (cacheFor == null || cacheFor.compareTo(MINIMUM) < 0) {
        throw new IllegalArgumentException(
            "cdap.health.cache-for must be at least 1m: the health check must not ask the server"
                + " more than once a minute");
      }
    }
  }
}
