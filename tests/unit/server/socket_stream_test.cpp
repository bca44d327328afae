#include "fascia/server/socket_stream.hpp"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <string>
#include <thread>

using namespace std::chrono_literals;
using fascia::server::BufferedSocketStream;
using fascia::server::StreamTimeouts;

namespace {

// A connected pair of local sockets: the stream's end and the peer's.
struct SocketPair {
  int ours = -1, peer = -1;
  SocketPair() {
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0) ours = fds[0], peer = fds[1];
  }
  ~SocketPair() {
    if (ours >= 0) ::close(ours);
    if (peer >= 0) ::close(peer);
  }
  void peer_sends(const std::string& text) const {
    ASSERT_EQ(::send(peer, text.data(), text.size(), 0), ssize_t(text.size()));
  }
  // What has reached the peer so far, without waiting.
  std::string peer_receives() const {
    std::string got;
    std::array<char, 4096> buffer{};
    ssize_t n;
    while ((n = ::recv(peer, buffer.data(), buffer.size(), MSG_DONTWAIT)) > 0) got.append(buffer.data(), size_t(n));
    return got;
  }
};

constexpr StreamTimeouts kShort{.read = 300ms, .write = 300ms, .idle = 300ms};

std::string read_some(BufferedSocketStream& stream, size_t size) {
  std::string out(size, '\0');
  const ssize_t n = stream.read(out.data(), size);
  out.resize(n > 0 ? size_t(n) : 0);
  return out;
}

}  // namespace

TEST(BufferedSocketStream, GathersAnAnswerUntilFlushedThenSendsItWhole) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  ASSERT_EQ(stream.write("HTTP/1.1 200 OK\r\n\r\n", 19), 19);
  ASSERT_EQ(stream.write("body", 4), 4);
  EXPECT_EQ(pair.peer_receives(), "");
  ASSERT_TRUE(stream.flush());
  EXPECT_EQ(pair.peer_receives(), "HTTP/1.1 200 OK\r\n\r\nbody");
}

TEST(BufferedSocketStream, SendsALargeAnswerInPiecesWithoutWaitingForTheEnd) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  const std::string big(BufferedSocketStream::kSendThresholdBytes, 'x');
  std::string received;
  std::thread reader([&] {
    std::array<char, 65536> buffer{};
    ssize_t n;
    while ((n = ::recv(pair.peer, buffer.data(), buffer.size(), 0)) > 0) received.append(buffer.data(), size_t(n));
  });
  ASSERT_EQ(stream.write(big.data(), big.size()), ssize_t(big.size()));  // reaches the threshold: sent now
  ASSERT_EQ(stream.write("end", 3), 3);
  ASSERT_TRUE(stream.flush());
  ::shutdown(pair.ours, SHUT_WR);
  reader.join();
  EXPECT_EQ(received, big + "end");
}

TEST(BufferedSocketStream, ReadsWhatThePeerSentPieceByPiece) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  pair.peer_sends("GET / HTTP/1.1\r\n");
  ASSERT_TRUE(stream.wait_for_request());
  EXPECT_EQ(read_some(stream, 4), "GET ");
  EXPECT_EQ(read_some(stream, 100), "/ HTTP/1.1\r\n");
  std::thread later([&] {
    std::this_thread::sleep_for(50ms);
    pair.peer_sends("Host: x\r\n");
  });
  EXPECT_EQ(read_some(stream, 100), "Host: x\r\n");  // waits for the rest of the request
  later.join();
}

TEST(BufferedSocketStream, ARequestAlreadyBufferedNeedsNoWait) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  pair.peer_sends("AB");  // two pipelined "requests"
  ASSERT_TRUE(stream.wait_for_request());
  EXPECT_EQ(read_some(stream, 1), "A");
  EXPECT_TRUE(stream.wait_for_request());
  EXPECT_EQ(read_some(stream, 1), "B");
}

TEST(BufferedSocketStream, SendsWhatItHasSaidBeforeWaitingToRead) {
  // A client sending "Expect: 100-continue" waits for that line before its body.
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  std::thread client([&] {
    std::string got;
    for (int i = 0; i < 100 && got.empty(); ++i) {
      got = pair.peer_receives();
      std::this_thread::sleep_for(5ms);
    }
    if (got == "HTTP/1.1 100 Continue\r\n\r\n") pair.peer_sends("body");
  });
  ASSERT_EQ(stream.write("HTTP/1.1 100 Continue\r\n\r\n", 25), 25);
  EXPECT_EQ(read_some(stream, 10), "body");
  client.join();
}

TEST(BufferedSocketStream, AnIdleConnectionEndsAfterTheIdleLimit) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(stream.wait_for_request());
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, kShort.idle - 10ms);
  EXPECT_LT(waited, 5s);
}

TEST(BufferedSocketStream, AReadGivesUpWhenTheRestOfARequestNeverComes) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, kShort);
  char byte;
  EXPECT_EQ(stream.read(&byte, 1), -1);
}

TEST(BufferedSocketStream, AClosedPeerEndsTheConnection) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, {.read = 10s, .write = 10s, .idle = 10s});
  ::close(pair.peer);
  pair.peer = -1;
  EXPECT_FALSE(stream.wait_for_request());
  ASSERT_EQ(stream.write("x", 1), 1);
  EXPECT_FALSE(stream.flush());
  EXPECT_FALSE(stream.is_writable());
}

TEST(BufferedSocketStream, AStoppingServerEndsAWaitWithinTheCheckInterval) {
  SocketPair pair;
  std::atomic<int> listening{3};
  BufferedSocketStream stream(pair.ours, listening, {.read = 30s, .write = 30s, .idle = 30s});
  std::thread stopper([&] {
    std::this_thread::sleep_for(50ms);
    listening = INVALID_SOCKET;
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(stream.wait_for_request());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  stopper.join();
}
