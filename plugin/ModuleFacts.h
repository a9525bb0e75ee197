// The per-TU fact file (docs/facts.schema.json): what the whole-module link
// step (tools/modsafe-link) needs to join a module's translation units —
// may-sleep summaries, calls into other files from atomic regions and
// non-sleeping callbacks, the module's init and exit, deferred objects armed,
// started and torn down, and unsafe registrations.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace modsafe {

class AnalysisContext;

/// The fact file's content for this TU; MainFile as the report names it.
nlohmann::json moduleFacts(AnalysisContext &AC, const std::string &MainFile,
                           const std::string &WorkingDirectory);

} // namespace modsafe
