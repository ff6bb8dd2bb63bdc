package net.cdapkit.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.IterationResult;

/**
 * The measurement iterations of an interleaved benchmark, split by client: iteration {@code j} of a
 * fork measured client {@code j % 3}, since warm-up counts are multiples of three.
 */
final class Turns {
  final int clients;

  /** Per cycle: {score µs/op, allocated B/op} of each client. */
  final List<double[][]> cycles = new ArrayList<>();

  Turns(int clients) {
    this.clients = clients;
  }

  void addFork(Collection<IterationResult> iterations) {
    List<IterationResult> list = new ArrayList<>(iterations);
    for (int start = 0; start + clients <= list.size(); start += clients) {
      double[][] cycle = new double[clients][];
      for (int c = 0; c < clients; c++) {
        IterationResult it = list.get(start + c);
        double alloc = Double.NaN;
        for (String name : it.getSecondaryResults().keySet()) {
          if (name.endsWith("gc.alloc.rate.norm")) {
            alloc = it.getSecondaryResults().get(name).getScore();
          }
        }
        cycle[c] = new double[] {it.getPrimaryResult().getScore(), alloc};
      }
      cycles.add(cycle);
    }
  }

  double[] scores(int client) {
    return cycles.stream().mapToDouble(cycle -> cycle[client][0]).toArray();
  }

  double median(int client) {
    return medianOf(scores(client));
  }

  double best(int client) {
    return Arrays.stream(scores(client)).min().orElse(Double.NaN);
  }

  double allocBytes(int client) {
    return medianOf(cycles.stream().mapToDouble(cycle -> cycle[client][1]).toArray());
  }

  double[] ratioArray(int a, int b) {
    return cycles.stream().mapToDouble(cycle -> cycle[a][0] / cycle[b][0]).toArray();
  }

  double medianRatio(int a, int b) {
    return medianOf(ratioArray(a, b));
  }

  String ratios(int a, int b) {
    double[] r = ratioArray(a, b);
    Arrays.sort(r);
    return String.format(
        Locale.ROOT,
        "median %.2f (of %d cycles; quartiles %.2f–%.2f)",
        medianOf(r),
        r.length,
        r[r.length / 4],
        r[(3 * r.length) / 4]);
  }

  String describe(int client) {
    return String.format(
        Locale.ROOT,
        "%.1f µs/op median, %.1f best (%d iterations); %.1f KB/op",
        median(client),
        best(client),
        cycles.size(),
        allocBytes(client) / 1024.0);
  }

  static Turns need(Map<String, Turns> turns, String key) {
    Turns t = turns.get(key);
    if (t == null || t.cycles.isEmpty()) {
      throw new IllegalStateException("JMH produced no result for " + key + ": " + turns.keySet());
    }
    return t;
  }

  static double medianOf(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
