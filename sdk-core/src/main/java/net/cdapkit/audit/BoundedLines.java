package net.cdapkit.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a journal's lines, split on {@code \n} only, holding at most {@link
 * JournalFormat#MAX_LINE_BYTES} bytes of a line: a longer line is reported as {@link #TOO_LONG} as
 * soon as it passes the bound (the next call skips the rest of it), so that a file of any size is
 * read in bounded memory.
 */
final class BoundedLines implements AutoCloseable {
  /** Returned for a line longer than the bound (compared by identity). */
  static final String TOO_LONG = new String("line too long");

  private final InputStream in;
  private final int max;
  private final byte[] buffer = new byte[16 * 1024];
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private byte[] line = new byte[1024];
  private int pos;
  private int end;
  private boolean endedWithNewline = true;
  private boolean skipping; // inside a line already reported too long

  BoundedLines(InputStream in) {
    this(in, JournalFormat.MAX_LINE_BYTES);
  }

  BoundedLines(InputStream in, int max) {
    this.in = in;
    this.max = max;
  }

  /**
   * The next line without its newline, {@link #TOO_LONG}, or null at the end.
   *
   * @throws CharacterCodingException if the line is not UTF-8
   */
  String next() throws IOException {
    if (skipping) {
      skipping = false;
      if (!skipPastNewline()) {
        return null;
      }
    }
    int length = 0;
    boolean any = false;
    while (true) {
      if (pos == end && !fill()) {
        if (!any) {
          return null;
        }
        endedWithNewline = false;
        return decode(length);
      }
      any = true;
      int start = pos;
      while (pos < end && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      if (length + n > max) {
        if (pos < end) {
          pos++; // its newline is here: the line is consumed
        } else {
          skipping = true; // the next call skips the rest of it first
        }
        return TOO_LONG;
      }
      if (length + n > line.length) {
        byte[] bigger = new byte[Math.min(max, Math.max(line.length * 2, length + n))];
        System.arraycopy(line, 0, bigger, 0, length);
        line = bigger;
      }
      System.arraycopy(buffer, start, line, length, n);
      length += n;
      if (pos < end) {
        pos++;
        endedWithNewline = true;
        return decode(length);
      }
    }
  }

  /** Reads past the next newline; false at the end of the input. */
  private boolean skipPastNewline() throws IOException {
    while (true) {
      if (pos == end && !fill()) {
        return false;
      }
      while (pos < end) {
        if (buffer[pos++] == '\n') {
          return true;
        }
      }
    }
  }

  private boolean fill() throws IOException {
    end = in.read(buffer, 0, buffer.length);
    pos = 0;
    if (end <= 0) {
      end = 0;
      return false;
    }
    return true;
  }

  private String decode(int length) throws CharacterCodingException {
    return utf8.decode(ByteBuffer.wrap(line, 0, length)).toString();
  }

  /** Whether the line {@link #next()} returned last ended with a newline. */
  boolean lastEndedWithNewline() {
    return endedWithNewline;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
