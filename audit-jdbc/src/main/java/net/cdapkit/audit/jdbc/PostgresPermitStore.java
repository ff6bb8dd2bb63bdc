package net.cdapkit.audit.jdbc;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import net.cdapkit.PermitStore;
import net.cdapkit.RateLimit;
import net.cdapkit.error.InvalidInputException;

/**
 * The rate limit of a partner account shared by every node, on Bucket4j's PostgreSQL module: one
 * token bucket per account (and rate) in the table {@code cdap_rate_bucket}, each permit reserved
 * in a transaction that locks the bucket's row ({@code SELECT … FOR UPDATE}).
 *
 * <pre>{@code
 * PermitStore permits = PostgresPermitStore.open(pool);
 * CdapClient client = CdapClient.builder()
 *     .rateLimit(RateLimit.shared(permits))          // the rate the server declares, for the account
 *     ...
 * }</pre>
 *
 * <p>A permit is <em>reserved</em>: the bucket may go negative, and each caller is told how long to
 * wait for its own slot, so that callers on all nodes are served in turn and none polls the
 * database. Each request costs one short transaction; Bucket4j's batching optimisation merges the
 * requests a node makes at the same moment into one. Thread-safe.
 */
public final class PostgresPermitStore implements PermitStore {
  private final ProxyManager<String> buckets;
  // One proxy per bucket, so that Bucket4j's batching can merge this node's concurrent requests.
  private final ConcurrentHashMap<String, BucketProxy> proxies = new ConcurrentHashMap<>();

  private PostgresPermitStore(DataSource dataSource) {
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("cdap_rate_bucket")
            .idColumn("id")
            .stateColumn("state")
            .build();
  }

  /**
   * A store on this data source, creating or upgrading the tables ({@link AuditSchema}).
   *
   * @param dataSource the PostgreSQL database holding the buckets, shared by all nodes; not null
   * @return a thread-safe store on the migrated tables
   * @throws net.cdapkit.audit.AuditException if the tables cannot be created or upgraded
   */
  public static PostgresPermitStore open(DataSource dataSource) {
    AuditSchema.migrate(Objects.requireNonNull(dataSource, "dataSource"));
    return new PostgresPermitStore(dataSource);
  }

  /**
   * {@link RateLimit#shared(PermitStore)} on this store: the server's declared rate, shared.
   *
   * @return a rate limit that follows the rate the server declares, shared through this store by
   *     every node of the account
   */
  public RateLimit serverDeclared() {
    return RateLimit.shared(this);
  }

  @Override
  public long reserve(String account, double permitsPerSecond, int burst, long maxWaitNanos) {
    Objects.requireNonNull(account, "account");
    if (!(permitsPerSecond > 0) || Double.isInfinite(permitsPerSecond) || burst < 1) {
      throw new InvalidInputException("Rate must be positive and finite, burst at least 1");
    }
    // The rate is part of the key: a new rate starts a new bucket rather than reusing old state.
    String key = account + "@" + permitsPerSecond + "/" + burst;
    long[] waited = {0};
    boolean reserved;
    try {
      BucketProxy bucket =
          proxies.computeIfAbsent(
              key,
              k -> {
                // Created once without batching: a batch of first requests does not create it.
                buckets
                    .builder()
                    .build(k, () -> configuration(permitsPerSecond, burst))
                    .getAvailableTokens();
                return buckets
                    .builder()
                    .withOptimization(Optimizations.batching())
                    .build(k, () -> configuration(permitsPerSecond, burst));
              });
      reserved =
          bucket.asBlocking().tryConsume(1, Math.max(1, maxWaitNanos), nanos -> waited[0] = nanos);
    } catch (InterruptedException e) {
      // The capturing strategy above never sleeps, so nothing waits to be interrupted.
      Thread.currentThread().interrupt();
      return -1;
    }
    return reserved ? waited[0] : -1;
  }

  private static BucketConfiguration configuration(double permitsPerSecond, int burst) {
    // A greedy refill at the rate, counted over 1,000 s so that fractional rates keep precision.
    long perThousandSeconds = Math.max(1, Math.round(permitsPerSecond * 1_000));
    return BucketConfiguration.builder()
        .addLimit(
            limit ->
                limit
                    .capacity(burst)
                    .refillGreedy(perThousandSeconds, Duration.ofSeconds(1_000))
                    .initialTokens(burst))
        .build();
  }

  @Override
  public String toString() {
    return "PostgresPermitStore{table cdap_rate_bucket, Bucket4j}";
  }
}
