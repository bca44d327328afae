// The SQLite schema as an ordered list of migration scripts. Script i (from 0)
// takes a database from user_version i to i + 1; the store applies each in its
// own transaction. Append new scripts; never edit one that has shipped.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace fascia::adapters {

std::span<const std::string_view> sqlite_migrations();

// Stamped into PRAGMA application_id so a fascia database can be told apart
// from any other SQLite file ("FSCA").
inline constexpr std::int64_t kSqliteApplicationId = 0x46534341;

}  // namespace fascia::adapters
