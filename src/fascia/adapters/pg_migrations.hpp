// The PostgreSQL schema's versions, oldest first: version N is element N-1.
// Its own sequence, beside sqlite_migrations.hpp's: PostgreSQL version 1 is
// the schema SQLite reached at its version 5 (ADR 0014); PostgreSQL's 2 is
// SQLite's 6, its 3 SQLite's 7. Every later change adds a version to both.
#pragma once

#include <span>
#include <string_view>

namespace fascia::adapters {

std::span<const std::string_view> pg_migrations();

}  // namespace fascia::adapters
