// The transport's write threads (ADR 0015): requests that change data wait
// (for a commit, a hash) on threads of their own, so many wait together —
// what lets group commit gather them into one batch — and reads go on being
// answered meanwhile. A real HttpTransport on a loopback port, spoken to
// through plain sockets.
#include "fascia/server/http_transport.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace fascia::server;
using namespace std::chrono_literals;

namespace {

// Sends one request on a fresh connection and returns the whole answer
// (the transport closes it: the request says Connection: close).
std::string exchange(int port, const std::string& method) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "cannot connect";
  }
  const std::string request = method + " /x HTTP/1.1\r\nHost: t\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
  ::send(fd, request.data(), request.size(), 0);
  std::string answer;
  char chunk[4096];
  for (ssize_t n; (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0;) answer.append(chunk, static_cast<std::size_t>(n));
  ::close(fd);
  return answer;
}

// Writes (POST) wait at a gate until the test opens it and count how many
// wait at once; reads (GET) answer at once.
struct GatedRoutes {
  std::mutex mutex;
  std::condition_variable changed;
  bool open = false;
  int waiting = 0;
  int most_waiting = 0;

  HttpHandlers handlers() {
    return {[this](HttpRequest& request) {
              HttpResponse response;
              if (request.method == "POST") {
                std::unique_lock lock(mutex);
                most_waiting = std::max(most_waiting, ++waiting);
                changed.notify_all();
                changed.wait(lock, [this] { return open; });
                --waiting;
              }
              response.set_content("ok " + request.method, "text/plain");
              return response;
            },
            [](const TransportRefusal& refusal) {
              HttpResponse response;
              response.status = refusal.status;
              return response;
            }};
  }
  bool wait_for_waiting(int count, std::chrono::milliseconds patience = 5s) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, patience, [&] { return waiting >= count; });
  }
  void open_gate() {
    std::lock_guard lock(mutex);
    open = true;
    changed.notify_all();
  }
  // Opens the gate when the test ends, even when an assertion ends it early:
  // a write left waiting would keep the server from stopping.
  struct OpenOnExit {
    GatedRoutes& routes;
    ~OpenOnExit() { routes.open_gate(); }
  };
};

struct RunningTransport {
  HttpTransport transport;
  int port = 0;
  std::thread runner;
  RunningTransport(HttpHandlers handlers, TransportLimits limits) : transport(std::move(handlers), limits) {
    port = *transport.bind("127.0.0.1", 0);
    runner = std::thread([this] { transport.run(); });
  }
  ~RunningTransport() {
    transport.stop();
    runner.join();
  }
};

TransportLimits limits_with(unsigned write_threads) {
  TransportLimits limits;
  limits.threads = 2;
  limits.write_threads = write_threads;
  return limits;
}

}  // namespace

TEST(HttpTransport, WritesWaitTogetherOnWriteThreadsWhileReadsAreAnswered) {
  GatedRoutes routes;
  std::vector<std::future<std::string>> writes;
  {
    RunningTransport server(routes.handlers(), limits_with(8));
    GatedRoutes::OpenOnExit opener{routes};
    for (int i = 0; i < 6; ++i)
      writes.push_back(std::async(std::launch::async, [&] { return exchange(server.port, "POST"); }));
    ASSERT_TRUE(routes.wait_for_waiting(6)) << "only " << routes.waiting << " writes waited at once";
    // Every write is waiting, and the two transport threads still serve reads.
    auto read = std::async(std::launch::async, [&] { return exchange(server.port, "GET"); });
    ASSERT_EQ(read.wait_for(5s), std::future_status::ready) << "a read was not answered while writes waited";
    EXPECT_NE(read.get().find("ok GET"), std::string::npos);
    routes.open_gate();
    for (auto& w : writes) EXPECT_NE(w.get().find("ok POST"), std::string::npos);
  }
  EXPECT_EQ(routes.most_waiting, 6);
}

TEST(HttpTransport, WithoutWriteThreadsWaitingWritesHoldTheTransportThreads) {
  // The setting that turns the pool off shows what it is for: two transport
  // threads, so at most two writes wait at once.
  GatedRoutes routes;
  std::vector<std::future<std::string>> writes;
  {
    RunningTransport server(routes.handlers(), limits_with(0));
    GatedRoutes::OpenOnExit opener{routes};
    for (int i = 0; i < 4; ++i)
      writes.push_back(std::async(std::launch::async, [&] { return exchange(server.port, "POST"); }));
    ASSERT_TRUE(routes.wait_for_waiting(2));
    EXPECT_FALSE(routes.wait_for_waiting(3, 500ms)) << "a third write was answered with both threads held";
    routes.open_gate();
    for (auto& w : writes) EXPECT_NE(w.get().find("ok POST"), std::string::npos);
  }
  EXPECT_EQ(routes.most_waiting, 2);
}
