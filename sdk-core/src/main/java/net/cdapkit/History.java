package net.cdapkit;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import net.cdapkit.model.Perimetre;

/**
 * A history tab (paiements, courriers) read page by page as it is iterated, newest first. Pages are
 * fetched only when the iteration reaches them, so stopping early sends fewer requests, and nothing
 * is fetched before the first iteration. Each iteration starts again from the first page.
 *
 * @param <T> the line type, e.g. {@link net.cdapkit.model.Paiement}
 */
public final class History<T> implements Iterable<T> {

  /** One page as the client fetched it. */
  interface Page<T> {
    List<T> elements();

    Optional<Integer> next();

    Perimetre perimetre();
  }

  /** Fetches page {@code n}. */
  interface PageFetcher<T> {
    Page<T> fetch(int page);
  }

  private final PageFetcher<T> fetcher;

  History(PageFetcher<T> fetcher) {
    this.fetcher = fetcher;
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page = null;
      private int index = 0;

      @Override
      public boolean hasNext() {
        if (page == null) {
          page = fetcher.fetch(0);
        }
        while (index >= page.elements().size()) {
          Optional<Integer> next = page.next();
          if (next.isEmpty()) {
            return false;
          }
          page = fetcher.fetch(next.get());
          index = 0;
        }
        return true;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.elements().get(index++);
      }
    };
  }

  /** A sequential stream over the whole history, fetching pages as it is consumed. */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** Reads every page and returns the lines, newest first. */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return List.copyOf(all);
  }

  /** Which part of the history the server returned for this profile (read from the first page). */
  public Perimetre perimetre() {
    return fetcher.fetch(0).perimetre();
  }

  @Override
  public String toString() {
    return "History{lazy}";
  }
}
