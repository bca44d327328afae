#include "fascia/server/request_target.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace fascia::server {

tl::expected<RequestTarget, TargetError> parse_request_target(std::string_view target) {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) {
    // Which part: the path alone parses when only the query is wrong.
    const bool path_ok = boost::urls::parse_origin_form(target.substr(0, target.find('?'))).has_value();
    if (path_ok)
      return tl::make_unexpected(
          TargetError{"the query is not valid (a bad %-escape or a character not allowed)", "query"});
    return tl::make_unexpected(
        TargetError{"the address is not valid (a bad %-escape or a character not allowed)", "path"});
  }
  RequestTarget result;
  result.path = parsed->path();
  if (result.path.find('\0') != std::string::npos)
    return tl::make_unexpected(TargetError{"the address holds a NUL byte (%00)", "path"});
  for (const auto& param : parsed->params(boost::urls::encoding_opts(/*space_as_plus=*/true))) {
    result.query.emplace_back(param.key, param.value);
  }
  return result;
}

}  // namespace fascia::server
