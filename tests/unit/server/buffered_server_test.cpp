// BufferedServer keeps httplib's rules for a connection (keep-alive limits,
// pipelining, 100-continue, the client's address, stopping) while answering
// through its own stream. Real sockets on loopback.
#include "fascia/server/buffered_server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <string>
#include <thread>

using namespace std::chrono_literals;
using fascia::server::BufferedServer;

namespace {

class RunningServer {
 public:
  explicit RunningServer(size_t keep_alive_max = 100, time_t keep_alive_seconds = 5) {
    server_.set_keep_alive_max_count(keep_alive_max);
    server_.set_keep_alive_timeout(keep_alive_seconds);
    server_.Get("/hello", [](const httplib::Request&, httplib::Response& res) { res.set_content("hi", "text/plain"); });
    server_.Get("/who", [](const httplib::Request& req, httplib::Response& res) {
      res.set_content(req.remote_addr, "text/plain");
    });
    server_.Post("/echo",
                 [](const httplib::Request& req, httplib::Response& res) { res.set_content(req.body, "text/plain"); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(1ms);
  }
  ~RunningServer() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }
  int port() const { return port_; }
  BufferedServer& server() { return server_; }
  std::thread& thread() { return thread_; }

 private:
  BufferedServer server_;
  int port_ = -1;
  std::thread thread_;
};

// A raw client connection, so that the test controls what goes on the wire.
class Connection {
 public:
  explicit Connection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    timeval tv{.tv_sec = 5, .tv_usec = 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Connection() { ::close(fd_); }
  bool connected() const { return connected_; }
  void send(const std::string& text) const {
    ASSERT_EQ(::send(fd_, text.data(), text.size(), 0), ssize_t(text.size()));
  }
  // Reads until `count` occurrences of `marker` have arrived, the server
  // closes the connection, or 5 s pass.
  std::string receive_until(const std::string& marker, int count = 1) {
    std::array<char, 4096> buffer{};
    while (occurrences(marker) < count) {
      const ssize_t n = ::recv(fd_, buffer.data(), buffer.size(), 0);
      if (n <= 0) {
        closed_ = n == 0;
        break;
      }
      received_.append(buffer.data(), size_t(n));
    }
    return received_;
  }
  // True when the server closes the connection (within 5 s).
  bool closed_by_server() {
    if (closed_) return true;
    std::array<char, 64> buffer{};
    return ::recv(fd_, buffer.data(), buffer.size(), 0) == 0;
  }

 private:
  int occurrences(const std::string& marker) const {
    int n = 0;
    for (size_t at = received_.find(marker); at != std::string::npos; at = received_.find(marker, at + 1)) ++n;
    return n;
  }
  int fd_;
  bool connected_ = false;
  bool closed_ = false;
  std::string received_;
};

const std::string kHello = "GET /hello HTTP/1.1\r\nHost: t\r\n\r\n";

}  // namespace

TEST(BufferedServer, AnswersSeveralRequestsOnOneKeptAliveConnection) {
  RunningServer running;
  Connection c(running.port());
  ASSERT_TRUE(c.connected());
  for (int i = 1; i <= 3; ++i) {
    c.send(kHello);
    const std::string got = c.receive_until("\r\n\r\nhi", i);
    EXPECT_NE(got.rfind("HTTP/1.1 200 OK\r\n"), std::string::npos);
  }
  EXPECT_EQ(c.receive_until("Keep-Alive: timeout=", 3).find("Connection: close"), std::string::npos);
}

TEST(BufferedServer, ClosesTheConnectionAfterTheLastRequestItAllows) {
  RunningServer running(2);
  Connection c(running.port());
  c.send(kHello);
  EXPECT_EQ(c.receive_until("hi").find("Connection: close"), std::string::npos);
  c.send(kHello);
  const std::string got = c.receive_until("hi", 2);
  EXPECT_NE(got.find("Connection: close"), std::string::npos);
  EXPECT_TRUE(c.closed_by_server());
}

TEST(BufferedServer, AnswersPipelinedRequestsInOrder) {
  RunningServer running;
  Connection c(running.port());
  c.send(kHello + "GET /who HTTP/1.1\r\nHost: t\r\n\r\n" + kHello);
  const std::string got = c.receive_until("HTTP/1.1 200 OK", 3);
  const auto who = got.find("127.0.0.1");
  ASSERT_NE(who, std::string::npos);
  EXPECT_LT(got.find("hi"), who);
  EXPECT_NE(got.find("hi", who), std::string::npos);
  c.receive_until("hi", 2);
}

TEST(BufferedServer, ARequestArrivingInPiecesIsAnsweredOnce) {
  RunningServer running;
  Connection c(running.port());
  for (const char* piece : {"GET /hel", "lo HTTP/1.1\r\nHo", "st: t\r\n", "\r\n"}) {
    c.send(piece);
    std::this_thread::sleep_for(20ms);
  }
  const std::string got = c.receive_until("hi");
  EXPECT_EQ(got.find("HTTP/1.1 200 OK"), 0u);
}

TEST(BufferedServer, SaysContinueBeforeABodyAndEchoesIt) {
  RunningServer running;
  Connection c(running.port());
  c.send(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nExpect: "
      "100-continue\r\n\r\n");
  EXPECT_EQ(c.receive_until("\r\n\r\n"), "HTTP/1.1 100 Continue\r\n\r\n");
  c.send("hello");
  const std::string got = c.receive_until("\r\n\r\nhello");
  EXPECT_NE(got.find("HTTP/1.1 200 OK"), std::string::npos);
}

TEST(BufferedServer, AMalformedRequestGetsA400) {
  RunningServer running;
  Connection c(running.port());
  c.send("NONSENSE\r\n\r\n");
  EXPECT_EQ(c.receive_until("\r\n\r\n").find("HTTP/1.1 400"), 0u);
}

TEST(BufferedServer, StoppingEndsIdleKeptAliveConnectionsPromptly) {
  RunningServer running(100, 60);
  Connection c(running.port());
  c.send(kHello);
  c.receive_until("hi");
  const auto start = std::chrono::steady_clock::now();
  running.server().stop();
  running.thread().join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_TRUE(c.closed_by_server());
}
