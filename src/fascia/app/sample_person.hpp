// The sample desk worker of the demo and the benchmarks: neck and upper-trap
// tension that returns a day or two after every massage.
#pragma once

#include "fascia/core/knowledge_base.hpp"
#include "fascia/core/person.hpp"

namespace fascia::app {

core::Profile sample_desk_worker(core::Date start);
// Every question answered no, except a history of tension headaches.
core::ScreeningRecord sample_desk_worker_screening(const core::KnowledgeBase& kb, core::Date date);

}  // namespace fascia::app
