#include "fascia/adapters/sql_connection.hpp"

#include <cassert>

namespace fascia::adapters::sql {

Result<Transaction> Connection::begin(Access access) {
  if (access == Access::write && !read_only_reason().empty())
    return core::fail(core::ErrorCode::db_read_only, read_only_reason());
  FASCIA_TRY(begin_transaction(access));
  return Transaction(*this);
}

Transaction::~Transaction() {
  if (connection_ != nullptr) connection_->rollback_transaction();
}

Result<void> Transaction::commit() {
  assert(connection_ != nullptr && "commit() called twice");
  FASCIA_TRY(connection_->commit_transaction());  // on failure still open: the destructor rolls back
  connection_ = nullptr;
  return {};
}

}  // namespace fascia::adapters::sql
