#include "fascia/server/http_transport.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "fascia/server/request_target.hpp"

namespace fascia::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

class Session;

// Open connections per client address; refuses past the limits.
class ConnectionCounter {
 public:
  ConnectionCounter(std::size_t per_address, std::size_t total) : per_address_(per_address), total_limit_(total) {}
  bool try_add(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto& n = by_address_[address];
    if (n >= per_address_ || total_ >= total_limit_) {
      if (n == 0) by_address_.erase(address);
      return false;
    }
    ++n;
    ++total_;
    return true;
  }
  void remove(const std::string& address) {
    std::lock_guard lock(mutex_);
    auto it = by_address_.find(address);
    if (it == by_address_.end()) return;
    if (--it->second == 0) by_address_.erase(it);
    --total_;
  }

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> by_address_;
  std::size_t total_ = 0;
  std::size_t per_address_;
  std::size_t total_limit_;
};

unsigned thread_count(const TransportLimits& limits) {
  return limits.threads ? limits.threads : std::max(4u, 2 * std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace

struct HttpTransport::Impl : std::enable_shared_from_this<HttpTransport::Impl> {
  Impl(HttpHandlers h, TransportLimits l)
      : handlers(std::move(h)),
        limits(l),
        io(static_cast<int>(thread_count(l))),
        control(net::make_strand(io)),
        acceptor(control),
        keep_running(net::make_work_guard(io)),
        grace_timer(control),
        retry_timer(control),
        counter(l.connections_per_address, l.max_connections) {
    if (l.write_threads > 0) writers.emplace(l.write_threads);
  }

  void accept();
  void refuse_connection(tcp::socket socket, const std::string& address);
  void session_started(const std::shared_ptr<Session>& s);
  void session_ended(Session* s);
  void begin_stop();   // on the control strand
  void finish_stop();  // on the control strand, once no connection is left

  HttpHandlers handlers;
  TransportLimits limits;
  net::io_context io;
  // Accepting, the timers and stopping run here, one at a time.
  net::strand<net::io_context::executor_type> control;
  tcp::acceptor acceptor;
  net::executor_work_guard<net::io_context::executor_type> keep_running;
  net::steady_timer grace_timer;
  net::steady_timer retry_timer;
  ConnectionCounter counter;
  // Where requests that change data are answered (ADR 0015); none when
  // limits.write_threads is 0.
  std::optional<net::thread_pool> writers;
  // Requests that change data being answered now, on any thread.
  std::atomic<int> writes_running{0};
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

namespace {

// One connection: wait for a request, read its headers then its body (each
// under its own deadline), answer it (the route runs here, on whichever of
// the transport's threads holds the connection's strand), write the answer,
// and again while the client keeps the connection alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::string address, std::shared_ptr<HttpTransport::Impl> owner)
      : stream_(std::move(socket)), address_(std::move(address)), owner_(std::move(owner)) {}
  ~Session() {
    owner_->counter.remove(address_);
    owner_->session_ended(this);
  }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->wait_for_request(); });
  }

  // Called through the strand when the server stops: an idle connection is
  // closed now; one with a request in hand finishes its answer first.
  void stop_soon() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->state_ == State::waiting) self->close();
    });
  }

 private:
  enum class State { waiting, reading, routing, writing, closed };
  const TransportLimits& limits() const { return owner_->limits; }

  void wait_for_request() {
    if (owner_->stopping) return close();
    state_ = State::waiting;
    if (buffer_.size() > 0) return read_header();  // a pipelined request is already here
    stream_.expires_after(limits().idle_deadline);
    stream_.async_read_some(buffer_.prepare(4096), [self = shared_from_this()](beast::error_code ec, std::size_t n) {
      if (ec) return self->close();
      self->buffer_.commit(n);
      self->read_header();
    });
  }

  void read_header() {
    state_ = State::reading;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(limits().header_bytes));
    parser_->body_limit(limits().body_bytes);
    stream_.expires_after(limits().header_deadline);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_header(ec); });
  }

  void on_header(beast::error_code ec) {
    if (ec == http::error::body_limit)  // a Content-Length past the limit, seen with the headers
      return write_refusal(
          {413, "too_large", "the body is larger than " + std::to_string(limits().body_bytes / 1024) + " KiB", {}});
    if (ec == http::error::header_limit)
      return write_refusal(
          {431,
           "too_large",
           "the request's headers are larger than " + std::to_string(limits().header_bytes / 1024) + " KiB",
           {}});
    if (ec == beast::error::timeout || ec == net::error::eof || ec == net::error::connection_reset ||
        ec == net::error::operation_aborted)
      return close();  // too slow, or gone: nobody to answer
    if (ec) return write_refusal({400, "bad_request", "the request is not valid HTTP/1.1 (" + ec.message() + ")"});
    const auto& header = parser_->get();
    if (static_cast<std::size_t>(std::distance(header.begin(), header.end())) > limits().header_count)
      return write_refusal(
          {431, "too_large", "the request has more than " + std::to_string(limits().header_count) + " headers"});
    // One length, stated once: two Content-Length fields (even equal ones) or
    // a length beside a chunked coding is how requests are smuggled past a proxy.
    const auto lengths = header.count(http::field::content_length);
    const auto codings = header.count(http::field::transfer_encoding);
    if (lengths > 1 || (lengths == 1 && codings > 0) ||
        (lengths == 1 && header[http::field::content_length].find(',') != beast::string_view::npos))
      return write_refusal({400, "bad_request",
                            "the request states its body's length more than once (Content-Length and "
                            "Transfer-Encoding, or two Content-Length)"});
    // Chunked is the one transfer coding read; any other (gzip, chunked) would
    // be passed on still coded, as if it were the body.
    if (codings > 1 || (codings == 1 && !beast::iequals(header[http::field::transfer_encoding], "chunked")))
      return write_refusal({400, "bad_request", "the only transfer coding accepted is chunked, alone"});
    if (parser_->content_length() && *parser_->content_length() > limits().body_bytes)
      return write_refusal(
          {413, "too_large", "the body is larger than " + std::to_string(limits().body_bytes / 1024) + " KiB"});
    if (beast::iequals(header[http::field::expect], "100-continue") && !parser_->is_done()) return send_continue();
    read_body();
  }

  // A client that asked may send its body only after a 100 Continue (curl
  // does this for bodies over 1 KiB).
  void send_continue() {
    continue_.emplace(http::status::continue_, 11);
    stream_.expires_after(limits().write_deadline);
    http::async_write(stream_, *continue_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->read_body();
    });
  }

  void read_body() {
    if (parser_->is_done()) return route();
    stream_.expires_after(limits().body_deadline);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec == http::error::body_limit)
        return self->write_refusal(
            {413, "too_large", "the body is larger than " + std::to_string(self->limits().body_bytes / 1024) + " KiB"});
      // A late body (beast::error::timeout) is closed like any broken read:
      // the stream's deadline has already shut the socket, so no 408 could
      // be written (docs/API.md says so).
      if (ec) return self->close();
      self->route();
    });
  }

  void route() {
    state_ = State::routing;
    stream_.expires_never();
    auto message = parser_->release();
    keep_alive_ = message.keep_alive();
    head_ = message.method() == http::verb::head;
    auto target = parse_request_target(std::string_view(message.target().data(), message.target().size()));
    if (!target) return write_refusal({400, "invalid", target.error().message, target.error().field});
    HttpRequest request;
    request.method = std::string(message.method_string());
    request.path = std::move(target->path);
    request.query = std::move(target->query);
    for (const auto& field : message)
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    request.body = std::move(message.body());
    request.remote_address = address_;
    if (!changes_data(message.method())) {
      // Reads run here: handing them to another pool and back cost half the
      // throughput (ADR 0011).
      return write(owner_->handlers.handle(request));
    }
    // A write alone runs here too, sparing the hand-off (two thread switches,
    // a third of a lone writer's time on a virtual machine). A write that
    // arrives while others are being answered would wait for them (one
    // commit, one hash at a time): it goes to a write thread, so this one
    // goes on serving and it joins the next commit with the other waiters.
    if (!owner_->writers) return write(owner_->handlers.handle(request));
    auto& running = owner_->writes_running;
    if (running.fetch_add(1) == 0) {
      HttpResponse answer = owner_->handlers.handle(request);
      running.fetch_sub(1);
      return write(std::move(answer));
    }
    net::post(*owner_->writers, [self = shared_from_this(), request = std::move(request)]() mutable {
      HttpResponse answer = self->owner_->handlers.handle(request);
      self->owner_->writes_running.fetch_sub(1);
      net::post(self->stream_.get_executor(),
                [self, answer = std::move(answer)]() mutable { self->write(std::move(answer)); });
    });
  }

  static bool changes_data(http::verb method) {
    return method == http::verb::post || method == http::verb::put || method == http::verb::patch ||
           method == http::verb::delete_;
  }

  void write_refusal(const TransportRefusal& refusal) {
    keep_alive_ = false;  // what is left of the request must not be read as the next one
    linger_ = true;
    head_ = false;
    write(owner_->handlers.refuse(refusal));
  }

  // After a refusal the client may still be sending (a body, a flood of
  // headers). Closing at once with unread bytes makes the kernel send a
  // reset, which destroys the refusal if the client has not read it yet; so
  // stop sending, read and discard until the client closes or kLingerTime
  // has passed, then close — as nginx's lingering_close does. Bytes are
  // discarded as they come, so this costs time, never memory.
  void linger_then_close() {
    static constexpr auto kLingerTime = std::chrono::seconds(2);
    beast::error_code ignored;
    if (!lingering_) {
      lingering_ = true;
      stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
      stream_.expires_after(kLingerTime);
    }
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(16 * 1024), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->linger_then_close();
    });
  }

  void write(HttpResponse answer) {
    state_ = State::writing;
    response_.emplace();
    response_->version(11);
    response_->result(static_cast<unsigned>(answer.status));
    for (auto& [name, value] : answer.headers) response_->insert(name, value);
    if (same_field_name(answer.header("Connection"), "close")) keep_alive_ = false;
    response_->erase(http::field::connection);
    const std::size_t length = answer.body.size();
    if (!head_) response_->body() = std::move(answer.body);
    if (answer.status != 204 && answer.status != 304) response_->content_length(length);
    response_->keep_alive(keep_alive_ && !owner_->stopping);
    stream_.expires_after(limits().write_deadline);
    http::async_write(stream_, *response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (!ec && self->linger_) return self->linger_then_close();
      if (ec || !self->response_->keep_alive()) return self->close();
      self->response_.reset();
      self->wait_for_request();
    });
  }

  void close() {
    if (state_ == State::closed) return;
    state_ = State::closed;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  std::string address_;
  std::shared_ptr<HttpTransport::Impl> owner_;
  beast::flat_buffer buffer_{64 * 1024 + 128 * 1024};  // more than one request's limits
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  std::optional<http::response<http::string_body>> response_;
  State state_ = State::waiting;
  bool keep_alive_ = true;
  bool head_ = false;
  bool linger_ = false;     // the answer was a refusal: drain before closing
  bool lingering_ = false;  // draining has begun
};

}  // namespace

void HttpTransport::Impl::session_started(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mutex);
  sessions.emplace(s.get(), s);
}

void HttpTransport::Impl::session_ended(Session* s) {
  std::lock_guard lock(sessions_mutex);
  sessions.erase(s);
  if (stopping && sessions.empty()) net::post(control, [self = shared_from_this()] { self->finish_stop(); });
}

void HttpTransport::Impl::finish_stop() {
  keep_running.reset();
  grace_timer.cancel();
}

// Answers a connection past the limits with a 503 and closes it; it was
// never counted, so it is written on the bare socket, not by a Session.
void HttpTransport::Impl::refuse_connection(tcp::socket socket, const std::string& address) {
  struct Refused {
    beast::tcp_stream stream;
    http::response<http::string_body> response;
  };
  auto answer =
      handlers.refuse({503, "busy", "too many open connections from " + address + "; close some and try again"});
  auto refused = std::make_shared<Refused>(Refused{beast::tcp_stream(std::move(socket)), {}});
  refused->response.version(11);
  refused->response.result(http::status::service_unavailable);
  for (auto& [name, value] : answer.headers) refused->response.insert(name, value);
  refused->response.set(http::field::retry_after, "1");
  refused->response.body() = std::move(answer.body);
  refused->response.keep_alive(false);
  refused->response.prepare_payload();
  refused->stream.expires_after(limits.write_deadline);
  http::async_write(refused->stream, refused->response, [refused](beast::error_code, std::size_t) {
    beast::error_code ignored;
    refused->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    refused->stream.close();
  });
}

void HttpTransport::Impl::accept() {
  acceptor.async_accept(net::make_strand(io), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (self->stopping || ec == net::error::operation_aborted) return;
    if (ec) {
      // Out of file descriptors, most likely: wait a little rather than spin.
      self->retry_timer.expires_after(std::chrono::milliseconds(100));
      self->retry_timer.async_wait([self](beast::error_code) {
        if (!self->stopping) self->accept();
      });
      return;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);  // no 40 ms Nagle stall per answer
    const auto endpoint = socket.remote_endpoint(ignored);
    std::string address = endpoint.address().to_string(ignored);
    const bool admitted = self->counter.try_add(address);
    if (admitted) {
      auto session = std::make_shared<Session>(std::move(socket), std::move(address), self);
      self->session_started(session);
      session->start();
    } else {
      self->refuse_connection(std::move(socket), address);
    }
    self->accept();
  });
}

void HttpTransport::Impl::begin_stop() {
  if (stopping.exchange(true)) return;
  beast::error_code ignored;
  acceptor.close(ignored);
  retry_timer.cancel();
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex);
    for (auto& [ptr, weak] : sessions)
      if (auto s = weak.lock()) live.push_back(std::move(s));
  }
  if (live.empty()) return finish_stop();
  for (auto& s : live) s->stop_soon();
  grace_timer.expires_after(limits.shutdown_grace);
  grace_timer.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) self->io.stop();  // a client that will not read its answer does not hold the shutdown
  });
}

HttpTransport::HttpTransport(HttpHandlers handlers, TransportLimits limits)
    : impl_(std::make_shared<Impl>(std::move(handlers), limits)) {}

HttpTransport::~HttpTransport() = default;

core::Result<int> HttpTransport::bind(const std::string& address, int port) {
  const auto fail = [&](const std::string& why) {
    return core::fail(core::ErrorCode::io_error,
                      "cannot listen on " + address + ":" + std::to_string(port) + " (" + why + ")");
  };
  beast::error_code ec;
  auto ip = net::ip::make_address(address == "localhost" ? "127.0.0.1" : address, ec);
  if (ec) return fail("not an IP address");
  const tcp::endpoint endpoint(ip, static_cast<unsigned short>(port));
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail(ec == net::error::address_in_use ? "address in use" : ec.message());
  return static_cast<int>(acceptor.local_endpoint().port());
}

void HttpTransport::run() {
  auto impl = impl_;
  net::post(impl->control, [impl] {
    if (!impl->stopping) impl->accept();
  });
  const unsigned threads = thread_count(impl->limits);
  std::vector<std::thread> others;
  for (unsigned i = 1; i < threads; ++i) others.emplace_back([impl] { impl->io.run(); });
  impl->io.run();
  for (auto& t : others) t.join();
  // A write still being answered (the grace period ran out) finishes its
  // transaction before run() returns; its answer is no longer sent.
  if (impl->writers) impl->writers->join();
}

void HttpTransport::stop() {
  net::post(impl_->control, [impl = impl_] { impl->begin_stop(); });
}

}  // namespace fascia::server
