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
import net.cdapkit.error.ProtocolException;
import net.cdapkit.model.Perimetre;

/**
 * A history tab (paiements, courriers) read page by page as it is iterated, newest first. Pages are
 * fetched only when the iteration reaches them, so stopping early sends fewer requests, and nothing
 * is fetched before the first iteration. Each iteration starts again from the first page. (The
 * asynchronous form hands over a history whose pages were all fetched before the future completed;
 * iterating it sends nothing.)
 *
 * <p>Paging is bounded whatever the server says: a page that is not the one asked for, a {@code
 * suivante} that does not advance, or more than {@value #MAX_PAGES} pages ends the iteration with
 * {@link ProtocolException}.
 *
 * @param <T> the line type, e.g. {@link net.cdapkit.model.Paiement}
 */
public final class History<T> implements Iterable<T> {
  /** The most pages one history may have: a hundred thousand lines at the contract's page size. */
  public static final int MAX_PAGES = 1_000;

  /** One page as the client fetched it. */
  interface Page<T> {
    int numero();

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

  /** A history whose pages are already fetched. */
  static <T> History<T> of(List<Page<T>> pages) {
    return new History<>(
        n -> {
          for (Page<T> p : pages) {
            if (p.numero() == n) {
              return p;
            }
          }
          throw new ProtocolException("Page " + n + " of a history is missing", null, 0, null);
        });
  }

  /**
   * Checks that {@code page} is the page {@code asked} for, the {@code count}-th, and that its
   * successor advances.
   */
  static void checkPage(Page<?> page, int asked, int count, String operation) {
    if (page.numero() != asked) {
      throw new ProtocolException(
          "Malformed paging for " + operation + ": asked for page " + asked + ", got another",
          null,
          0,
          null);
    }
    if (page.next().isPresent() && page.next().get() <= asked) {
      throw new ProtocolException(
          "Malformed paging for " + operation + ": the next page does not advance", null, 0, null);
    }
    if (page.next().isPresent() && count >= MAX_PAGES) {
      throw new ProtocolException(
          "Malformed paging for " + operation + ": more than " + MAX_PAGES + " pages",
          null,
          0,
          null);
    }
  }

  @Override
  public Iterator<T> iterator() {
    return new Iterator<>() {
      private Page<T> page = null;
      private int index = 0;
      private int count = 0;

      private Page<T> fetch(int n) {
        Page<T> p = fetcher.fetch(n);
        checkPage(p, n, ++count, "a history");
        return p;
      }

      @Override
      public boolean hasNext() {
        if (page == null) {
          page = fetch(0);
        }
        while (index >= page.elements().size()) {
          Optional<Integer> next = page.next();
          if (next.isEmpty()) {
            return false;
          }
          page = fetch(next.get());
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

  /**
   * A sequential stream over the whole history, fetching pages as it is consumed.
   *
   * @return a lazy stream; consuming it may throw a {@link net.cdapkit.error.CdapException}
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /**
   * Reads every page and returns the lines, newest first.
   *
   * @return an unmodifiable list of every line
   */
  public List<T> toList() {
    List<T> all = new ArrayList<>();
    forEach(all::add);
    return List.copyOf(all);
  }

  /**
   * Which part of the history the server returned for this profile (read from the first page).
   *
   * @return the perimeter the profile was given
   */
  public Perimetre perimetre() {
    return fetcher.fetch(0).perimetre();
  }

  @Override
  public String toString() {
    return "History{lazy}";
  }
}
