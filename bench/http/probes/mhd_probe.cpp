// Probe for ADR 0011: the smallest GNU libmicrohttpd server answering every
// request with a fixed body of BODY_BYTES, epoll with a pool of THREADS
// threads. Compared with beast_probe.cpp and nginx by bench/http/probes/run.sh.
#include <microhttpd.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <string>

static std::string body;

static MHD_Result answer(void*, MHD_Connection* connection, const char*, const char*, const char*, const char*, size_t*,
                         void**) {
  MHD_Response* response = MHD_create_response_from_buffer(body.size(), body.data(), MHD_RESPMEM_PERSISTENT);
  MHD_add_response_header(response, "Content-Type", "application/json");
  const MHD_Result result = MHD_queue_response(connection, MHD_HTTP_OK, response);
  MHD_destroy_response(response);
  return result;
}

int main(int argc, char** argv) {
  const int port = argc > 1 ? std::atoi(argv[1]) : 18082;
  const unsigned threads = argc > 2 ? std::atoi(argv[2]) : 2;
  body.assign(argc > 3 ? std::atoi(argv[3]) : 11111, 'x');
  MHD_Daemon* daemon =
      MHD_start_daemon(MHD_USE_EPOLL_INTERNAL_THREAD | MHD_USE_TCP_FASTOPEN, port, nullptr, nullptr, &answer, nullptr,
                       MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_TIMEOUT, 10u,
                       MHD_OPTION_CONNECTION_LIMIT, 10000u, MHD_OPTION_END);
  if (!daemon) return 1;
  pause();
  MHD_stop_daemon(daemon);
}
