package net.cdapkit.testkit;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.RandomAccess;
import net.cdapkit.testkit.internal.fixtures.StandardCatalogue;

/**
 * The lazy list {@link Fixtures#generate} returns: element {@code i} is made from the seed and
 * {@code i} each time it is read, so that it holds nothing.
 */
final class GeneratedDossiers extends AbstractList<SyntheticDossier> implements RandomAccess {
  private static final List<String> GENERATED_CAFS = List.of("751", "131", "691");

  private final long seed;
  private final int size;

  GeneratedDossiers(long seed, int size) {
    this.seed = seed;
    this.size = size;
  }

  /** One generated dossier, made from the seed and its index alone. */
  static SyntheticDossier dossier(long seed, int index) {
    Random rnd = new Random(mix(seed, index));
    String caf = GENERATED_CAFS.get(rnd.nextInt(GENERATED_CAFS.size()));
    return StandardCatalogue.randomFoyer(
        rnd, caf, Integer.toString(Fixtures.FIRST_GENERATED_NUMERO + index));
  }

  /** SplitMix64's finaliser over (seed, index): neighbouring indexes get unrelated streams. */
  private static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  @Override
  public SyntheticDossier get(int index) {
    Objects.checkIndex(index, size);
    return dossier(seed, index);
  }

  @Override
  public int size() {
    return size;
  }
}
