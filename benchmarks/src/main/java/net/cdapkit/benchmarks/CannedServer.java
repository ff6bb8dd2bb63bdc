package net.cdapkit.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers every request of the contract with canned bytes, so that
 * a benchmark measures the client and not the server: no routing framework, no JSON, no logging,
 * keep-alive, and TCP_NODELAY on every accepted socket (without it each response waits ~40 ms for
 * Nagle's algorithm and the client's delayed ACK, and every figure measures the kernel).
 *
 * <p>Routes are {@code "METHOD path"} with the path relative to {@code /api/v1/}; a dossier tab is
 * {@code "GET dossiers/{ref}/<tab>"} whatever the reference, and query strings are ignored. A
 * {@code DELETE sessions/courante} answers 204. Anything else answers 404 with the contract's error
 * body. Every response echoes {@code X-Request-Id}, as the contract's server does.
 */
public final class CannedServer implements AutoCloseable {
  static final String PREFIX = "/api/v1/";
  static final String TAB_ROUTE = "GET dossiers/{ref}/";

  private static final byte[] NOT_FOUND =
      ("{\"errors\":[{\"code\":\"37003\",\"title\":\"Entité non trouvée\"}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final ServerSocket serverSocket;
  private final Map<String, byte[]> routes;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private final Thread acceptor;
  private volatile boolean closed;

  private CannedServer(ServerSocket serverSocket, Map<String, byte[]> routes) {
    this.serverSocket = serverSocket;
    this.routes = Map.copyOf(routes);
    this.acceptor = new Thread(this::acceptLoop, "canned-server-accept");
    this.acceptor.setDaemon(true);
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param routes the JSON body of each route, e.g. {@code "POST auth/token"} or {@code "GET
   *     dossiers/{ref}/synthese"}
   */
  public static CannedServer start(Map<String, byte[]> routes) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    CannedServer server = new CannedServer(socket, routes);
    server.acceptor.start();
    return server;
  }

  /** The contract's base URL on this server, ending in {@code /api/v1/}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + serverSocket.getLocalPort() + PREFIX;
  }

  /** How many requests were answered, whatever their status. */
  public int requests() {
    return requests.get();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    serverSocket.close();
    for (Socket s : open) {
      s.close();
    }
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket socket = serverSocket.accept();
        socket.setTcpNoDelay(true);
        open.add(socket);
        Thread t = new Thread(() -> serve(socket), "canned-server-conn");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!closed) {
          throw new IllegalStateException("canned server stopped accepting", e);
        }
      }
    }
  }

  private void serve(Socket socket) {
    try (socket;
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
      Input in = new Input(socket.getInputStream());
      Request request;
      while ((request = Request.read(in)) != null) {
        // Counted on arrival: counting after the answer races with a client that has it already.
        requests.incrementAndGet();
        respond(request, out);
        if (request.close) {
          return;
        }
      }
    } catch (SocketException e) {
      // The client or close() ended the connection.
    } catch (IOException e) {
      if (!closed) {
        throw new IllegalStateException("canned server connection failed", e);
      }
    } finally {
      open.remove(socket);
    }
  }

  private void respond(Request request, OutputStream out) throws IOException {
    String route = route(request.method, request.target);
    String requestId = request.requestId != null ? request.requestId : "srv-canned";
    StringBuilder head = new StringBuilder(160);
    byte[] body;
    if (route.equals("DELETE sessions/courante")) {
      head.append("HTTP/1.1 204 No Content\r\n");
      body = new byte[0];
    } else {
      body = routes.get(route);
      if (body != null) {
        head.append("HTTP/1.1 200 OK\r\n");
      } else {
        head.append("HTTP/1.1 404 Not Found\r\n");
        body = NOT_FOUND;
      }
      head.append("Content-Type: application/json\r\n");
    }
    head.append("Content-Length: ")
        .append(body.length)
        .append("\r\nX-Request-Id: ")
        .append(requestId)
        .append("\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  /** The route key of a request: method and path under {@code /api/v1/}, tabs by name only. */
  static String route(String method, String target) {
    int query = target.indexOf('?');
    String path = query < 0 ? target : target.substring(0, query);
    if (path.startsWith(PREFIX)) {
      path = path.substring(PREFIX.length());
    }
    if (method.equals("GET") && path.startsWith("dossiers/")) {
      int slash = path.indexOf('/', "dossiers/".length());
      if (slash > 0) {
        return TAB_ROUTE + path.substring(slash + 1);
      }
    }
    return method + " " + path;
  }

  /** The parts of a request the server needs; the body is read and dropped. */
  private static final class Request {
    final String method;
    final String target;
    final String requestId;
    final boolean close;

    private Request(String method, String target, String requestId, boolean close) {
      this.method = method;
      this.target = target;
      this.requestId = requestId;
      this.close = close;
    }

    /** Reads one request, or returns null at the end of the stream. */
    static Request read(Input in) throws IOException {
      String requestLine = line(in);
      if (requestLine == null) {
        return null;
      }
      String[] parts = requestLine.split(" ", 3);
      if (parts.length < 3) {
        throw new IOException("malformed request line");
      }
      long contentLength = 0;
      boolean chunked = false;
      boolean close = parts[2].equals("HTTP/1.0");
      String requestId = null;
      String header;
      while ((header = line(in)) != null && !header.isEmpty()) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = header.substring(colon + 1).trim();
        switch (name) {
          case "content-length":
            contentLength = Long.parseLong(value);
            break;
          case "transfer-encoding":
            chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            break;
          case "connection":
            close = value.equalsIgnoreCase("close");
            break;
          case "x-request-id":
            // Echoed unchecked: a regex here would charge the SDK, the only client sending
            // one, for the server's work.
            requestId = value.length() <= 64 ? value : null;
            break;
          default:
            break;
        }
      }
      if (chunked) {
        skipChunked(in);
      } else {
        skip(in, contentLength);
      }
      return new Request(parts[0], parts[1], requestId, close);
    }

    private static void skipChunked(Input in) throws IOException {
      while (true) {
        String size = line(in);
        if (size == null) {
          throw new IOException("truncated chunked body");
        }
        int semicolon = size.indexOf(';');
        long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          String trailer;
          while ((trailer = line(in)) != null && !trailer.isEmpty()) {
            // trailers are ignored
          }
          return;
        }
        skip(in, n);
        line(in);
      }
    }

    private static void skip(Input in, long n) throws IOException {
      for (long i = 0; i < n; i++) {
        if (in.read() < 0) {
          throw new IOException("truncated body");
        }
      }
    }

    /** One CRLF-terminated line in ISO-8859-1, or null at the end of the stream. */
    private static String line(Input in) throws IOException {
      return in.line();
    }
  }

  /**
   * An unsynchronised buffered reader of one connection ({@link java.io.BufferedInputStream} takes
   * a lock per byte read, which would add microseconds to every request).
   */
  private static final class Input {
    private final InputStream in;
    private final byte[] buf = new byte[16 * 1024];
    private final byte[] line = new byte[8 * 1024];
    private int pos;
    private int limit;

    Input(InputStream in) {
      this.in = in;
    }

    int read() throws IOException {
      if (pos == limit) {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
          return -1;
        }
        pos = 0;
        limit = n;
      }
      return buf[pos++] & 0xff;
    }

    String line() throws IOException {
      int len = 0;
      int b;
      while ((b = read()) >= 0) {
        if (b == '\n') {
          if (len > 0 && line[len - 1] == '\r') {
            len--;
          }
          return new String(line, 0, len, StandardCharsets.ISO_8859_1);
        }
        if (len == line.length) {
          throw new IOException("header line too long");
        }
        line[len++] = (byte) b;
      }
      return len == 0 ? null : new String(line, 0, len, StandardCharsets.ISO_8859_1);
    }
  }
}
