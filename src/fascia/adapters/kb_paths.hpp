// Where the knowledge base lives when the user does not say.
#pragma once

#include <filesystem>

namespace fascia::adapters {

// $FASCIA_DATA when set and non-empty, else the data/ directory of the source tree.
std::filesystem::path default_data_dir();

}  // namespace fascia::adapters
