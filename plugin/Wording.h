// The words findings use for deferred-work kinds, atomic regions and
// callback contexts. Clang-free: the plugin's checks and the whole-module
// step (tools/modsafe-link) word the same finding the same way.
#pragma once

#include <string>

namespace modsafe {

/// "timer", "work item", "kernel thread" … for a deferred-work kind of the
/// knowledge base (timer, hrtimer, work, tasklet, kthread, rcu, srcu).
std::string deferredKindName(const std::string &Kind);

/// The synchronous teardown to suggest for that kind.
std::string teardownHint(const std::string &Kind);

/// "spinlock held", "preemption disabled" … for an atomic-region kind.
std::string regionText(const std::string &Kind);

/// "a hard-irq handler", "a timer callback, run in softirq context" … for a
/// callback context.
std::string describeContext(const std::string &Context);

} // namespace modsafe
