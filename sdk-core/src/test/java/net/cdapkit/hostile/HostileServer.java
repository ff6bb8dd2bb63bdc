package net.cdapkit.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a raw {@link ServerSocket}, for the tests only: it answers whatever its
 * handler says, byte for byte — statuses and headers no library would write, answers that never
 * come, connections closed half way — so the SDK is tried as a hostile server would try it.
 * Loopback only.
 */
public final class HostileServer implements AutoCloseable {

  /** One request as read from the socket. Header names are lower case. */
  public record Request(String method, String path, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** What the server does with a request. */
  public interface Handler {
    Reply handle(Request request, int count);
  }

  /** An answer: raw bytes, a hang until the server closes, or a closed connection. */
  public static final class Reply {
    final byte[] bytes;
    final boolean hang;
    final boolean close;

    private Reply(byte[] bytes, boolean hang, boolean close) {
      this.bytes = bytes;
      this.hang = hang;
      this.close = close;
    }

    /** A response with a body and extra header lines ("Name: value"). */
    public static Reply of(int status, String contentType, byte[] body, String... headers) {
      StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " X\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\n");
      for (String h : headers) {
        head.append(h).append("\r\n");
      }
      head.append("\r\n");
      byte[] h = head.toString().getBytes(StandardCharsets.ISO_8859_1);
      byte[] all = new byte[h.length + body.length];
      System.arraycopy(h, 0, all, 0, h.length);
      System.arraycopy(body, 0, all, h.length, body.length);
      return new Reply(all, false, false);
    }

    public static Reply json(int status, String body, String... headers) {
      return of(status, "application/json", body.getBytes(StandardCharsets.UTF_8), headers);
    }

    /** The contract's error body with {@code code}. */
    public static Reply error(int status, String code, String... headers) {
      return json(
          status, "{\"errors\":[{\"code\":\"" + code + "\",\"title\":\"Erreur\"}]}", headers);
    }

    public static Reply raw(String text) {
      return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), false, false);
    }

    /** Never answers; the connection stays open until the server closes. */
    public static Reply hang() {
      return new Reply(new byte[0], true, false);
    }

    /** Closes the connection without a byte. */
    public static Reply close() {
      return new Reply(new byte[0], false, true);
    }
  }

  private final ServerSocket socket;
  private final Handler handler;
  private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger count = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);

  private HostileServer(Handler handler) throws IOException {
    this.handler = handler;
    this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "hostile-accept");
    accept.setDaemon(true);
    accept.start();
  }

  public static HostileServer start(Handler handler) {
    try {
      return new HostileServer(handler);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The base URL of the contract on this server. */
  public String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/api/v1/";
  }

  /** The server's root, without the API's prefix: a wrong base URL. */
  public String rootUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort() + "/";
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** Requests whose path ends with {@code suffix}. */
  public long count(String method, String pathPart) {
    return requests().stream()
        .filter(r -> r.method().equals(method) && r.path().contains(pathPart))
        .count();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        s.setTcpNoDelay(true);
        open.add(s);
        Thread t = new Thread(() -> serve(s), "hostile-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      while (true) {
        Request r = read(in);
        if (r == null) {
          return;
        }
        requests.add(r);
        Reply reply = handler.handle(r, count.incrementAndGet());
        if (reply.close) {
          return;
        }
        if (reply.hang) {
          closed.await();
          return;
        }
        out.write(reply.bytes);
        out.flush();
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // the client went away, or the server is closing
    }
  }

  private static Request read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null || line.isEmpty()) {
      return null;
    }
    String[] parts = line.split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    String h;
    while ((h = line(in)) != null && !h.isEmpty()) {
      int colon = h.indexOf(':');
      if (colon > 0) {
        headers.put(
            h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    return new Request(parts[0], parts[1], headers, new String(body, StandardCharsets.UTF_8));
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String s = b.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
    synchronized (open) {
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
  }
}
