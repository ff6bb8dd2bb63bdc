package net.cdapkit.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Records every request as it goes on the network: method, URL and headers. */
final class RecordingNetworkInterceptor implements Interceptor {
  private final List<Request> requests = new ArrayList<>();

  @Override
  public Response intercept(Chain chain) throws IOException {
    synchronized (requests) {
      requests.add(chain.request());
    }
    return chain.proceed(chain.request());
  }

  List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /** "METHOD path" of every request, the base URL's path removed. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (Request r : requests()) {
      lines.add(r.method() + " " + r.url().encodedPath().replaceFirst("^/api/v1/", ""));
    }
    return lines;
  }

  int count() {
    return requests().size();
  }

  void clear() {
    synchronized (requests) {
      requests.clear();
    }
  }
}
