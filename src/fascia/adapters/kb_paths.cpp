#include "fascia/adapters/kb_paths.hpp"

#include <cstdlib>

namespace fascia::adapters {

std::filesystem::path default_data_dir() {
  if (const char* dir = std::getenv("FASCIA_DATA"); dir != nullptr && *dir != '\0') return dir;
  return FASCIA_DEFAULT_DATA_DIR;
}

}  // namespace fascia::adapters
